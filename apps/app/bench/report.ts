import type { FirstLoad } from './first-load';
import type { FrameStats, Summary } from './frame-time';
import type { HotFunctions } from './hot-functions';

export interface RunResult {
  firstLoad: FirstLoad;
  deal: FrameStats;
  play: FrameStats;
  /** Only with --profile. */
  hot?: { deal: HotFunctions; play: HotFunctions };
}

export interface Spread {
  min: number;
  max: number;
}

export const JS_TARGET_MS = 4;
export const TRANSFER_TARGET_BYTES = 3e6;

const kb = (bytes: number): string => `${(bytes / 1e3).toFixed(1)} kB`;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
const ms = (value: number): string => value.toFixed(2).padStart(6);
const summary = (s: Summary): string => [s.mean, s.p50, s.p95, s.max].map(ms).join(' ');

export function printFirstLoad(firstLoad: FirstLoad): void {
  console.log(`First load, until the auth screen is interactive with CanvasKit loaded (${(firstLoad.interactiveMs / 1000).toFixed(1)} s here):`);
  console.log(`  ${'file'.padEnd(66)} ${'encoding'.padEnd(8)} ${'wire'.padStart(10)} ${'brotli'.padStart(10)}`);
  for (const file of firstLoad.files) {
    console.log(`  ${file.path.padEnd(66)} ${(file.encoding || '-').padEnd(8)} ${kb(file.wireBytes).padStart(10)} ${kb(file.brotliBytes).padStart(10)}`);
  }
  const uncompressed = firstLoad.files.filter((file) => file.missingBrotliCopy).map((file) => file.path);
  if (uncompressed.length > 0) console.warn(`  WARNING: no .br copy of ${uncompressed.join(', ')}: an incomplete build (or one being rebuilt)?`);
  console.log(`  ${'kind'.padEnd(8)} ${'files'.padStart(5)} ${'wire (+headers)'.padStart(18)} ${'brotli (https)'.padStart(15)}`);
  const rows = [...Object.entries(firstLoad.byKind), ['total', firstLoad.total] as const];
  for (const [kind, totals] of rows) {
    console.log(`  ${kind.padEnd(8)} ${String(totals.files).padStart(5)} ${mb(totals.wireBytes).padStart(18)} ${mb(totals.brotliBytes).padStart(15)}`);
  }
}

export function printFrames(runs: readonly RunResult[]): void {
  console.log(`\nMain-thread milliseconds per frame (target: JavaScript < ${JS_TARGET_MS}); busy = any main-thread task`);
  console.log(`wall = elapsed time as DevTools shows it; cpu = the thread's CPU time (what other processes cannot stretch)`);
  const header = ['mean', 'p50', 'p95', 'max'].map((name) => name.padStart(6)).join(' ');
  console.log(`  ${'window'.padEnd(26)} frames  fps | JS wall ${header} | JS cpu  ${header} | busy wall ${header} | busy cpu ${header}`);
  runs.forEach((run, i) => {
    for (const [label, stats] of [
      [`run ${i + 1} deal (table shown)`, run.deal],
      [`run ${i + 1} play (from click)`, run.play],
    ] as const) {
      const figures = [stats.wall.js, stats.cpu.js, stats.wall.busy, stats.cpu.busy].map(summary);
      const counts = `${String(stats.frames).padStart(6)} ${stats.fps.toFixed(0).padStart(4)}`;
      console.log(`  ${label.padEnd(26)} ${counts} |         ${figures[0]} |         ${figures[1]} |           ${figures[2]} |          ${figures[3]}`);
    }
  });
}

export function printHotFunctions(runs: readonly RunResult[]): void {
  runs.forEach((run, i) => {
    if (run.hot === undefined) return;
    for (const [label, hot] of [
      ['deal', run.hot.deal],
      ['card play', run.hot.play],
    ] as const) {
      console.log(`\nRun ${i + 1}, ${label} window, sampled (the profiler slows the page down):`);
      console.log('  by the app function responsible, else the library function (callees included):');
      for (const entry of hot.responsible) console.log(`  ${ms(entry.ms)} ms  ${entry.name}  ${entry.location}`);
      console.log('  by the function running (self time):');
      for (const entry of hot.self) console.log(`  ${ms(entry.ms)} ms  ${entry.name}  ${entry.location}`);
    }
  });
}

/** Min and max across runs of the figures that decide the targets. */
export function spreads(runs: readonly RunResult[]): Record<string, Spread> {
  const of = (pick: (run: RunResult) => number): Spread => {
    const values = runs.map(pick);
    return { min: Math.min(...values), max: Math.max(...values) };
  };
  return {
    firstLoadBrotliBytes: of((run) => run.firstLoad.total.brotliBytes),
    firstLoadWireBytes: of((run) => run.firstLoad.total.wireBytes),
    dealFps: of((run) => run.deal.fps),
    dealJsWallMeanMs: of((run) => run.deal.wall.js.mean),
    dealJsWallP95Ms: of((run) => run.deal.wall.js.p95),
    dealJsCpuMeanMs: of((run) => run.deal.cpu.js.mean),
    dealJsCpuP95Ms: of((run) => run.deal.cpu.js.p95),
    dealBusyWallMeanMs: of((run) => run.deal.wall.busy.mean),
    playFps: of((run) => run.play.fps),
    playJsWallMeanMs: of((run) => run.play.wall.js.mean),
    playJsWallP95Ms: of((run) => run.play.wall.js.p95),
    playJsCpuMeanMs: of((run) => run.play.cpu.js.mean),
    playJsCpuP95Ms: of((run) => run.play.cpu.js.p95),
    playBusyWallMeanMs: of((run) => run.play.wall.busy.mean),
  };
}

export function printSpreads(spread: Record<string, Spread>, runs: number): void {
  console.log(`\nOver ${runs} run(s), min – max:`);
  for (const [name, { min, max }] of Object.entries(spread)) {
    const bytes = name.endsWith('Bytes');
    const show = (value: number): string => (bytes ? mb(value) : value.toFixed(2));
    console.log(`  ${name.padEnd(22)} ${show(min)} – ${show(max)}`);
  }
}
