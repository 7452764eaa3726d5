/**
 * Where the JavaScript time goes: self time per function from V8's sampling profiler, as recorded in a trace with
 * the 'disabled-by-default-v8.cpu_profiler' category (a `Profile` event, then `ProfileChunk`s of nodes and samples).
 * Minified bundle positions are turned into source names when the web build has source maps beside its bundles
 * (`expo export --source-maps`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { type SourceMapPayload, SourceMap } from 'node:module';
import { basename, join } from 'node:path';
import type { Interval, TraceEvent } from './frame-time';

export interface HotFunction {
  name: string;
  /** file:line:column (1-based) in the sources when a source map says, else in the bundle. */
  location: string;
  selfMs: number;
}

interface CallFrame {
  functionName: string;
  url?: string;
  scriptId: number | string;
  lineNumber?: number;
  columnNumber?: number;
}

interface ProfileData {
  startTime?: number;
  cpuProfile?: { nodes?: { id: number; callFrame: CallFrame }[]; samples?: number[] };
  timeDeltas?: number[];
}

const NOT_JAVASCRIPT = new Set(['(root)', '(program)', '(idle)']);

/** The functions with the most self time inside `window` on the given thread, most first. */
export function hotFunctions(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
  window: Interval,
  count: number,
  webDir: string,
): HotFunction[] {
  const profile = events.find((event) => event.name === 'Profile' && event.pid === thread.pid && event.tid === thread.tid);
  if (profile === undefined) return [];
  const frames = new Map<number, CallFrame>();
  const samples: { node: number; ts: number }[] = [];
  let ts = dataOf(profile).startTime ?? profile.ts;
  for (const chunk of events) {
    if (chunk.name !== 'ProfileChunk' || chunk.pid !== thread.pid || chunk.id !== profile.id) continue;
    const data = dataOf(chunk);
    for (const node of data.cpuProfile?.nodes ?? []) frames.set(node.id, node.callFrame);
    const deltas = data.timeDeltas ?? [];
    (data.cpuProfile?.samples ?? []).forEach((node, i) => {
      ts += deltas[i] ?? 0;
      samples.push({ node, ts });
    });
  }
  const selfTime = new Map<CallFrame, number>();
  samples.forEach((sample, i) => {
    const next = samples[i + 1];
    const frame = frames.get(sample.node);
    if (next === undefined || frame === undefined || NOT_JAVASCRIPT.has(frame.functionName)) return;
    if (sample.ts >= window.start && sample.ts < window.end) selfTime.set(frame, (selfTime.get(frame) ?? 0) + (next.ts - sample.ts) / 1000);
  });
  const sources = new SourceMaps(webDir);
  const named = new Map<string, HotFunction>();
  for (const [frame, ms] of selfTime) {
    const { name, location } = sources.name(frame);
    const entry = named.get(`${name} ${location}`) ?? { name, location, selfMs: 0 };
    entry.selfMs += ms;
    named.set(`${name} ${location}`, entry);
  }
  return [...named.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, count);
}

function dataOf(event: TraceEvent): ProfileData {
  return (event.args?.data as ProfileData | undefined) ?? {};
}

/** The web build's source maps, read once each. */
class SourceMaps {
  private readonly maps = new Map<string, SourceMap | null>();

  constructor(private readonly webDir: string) {}

  name(frame: CallFrame): { name: string; location: string } {
    const minified = frame.functionName === '' ? '(anonymous)' : frame.functionName;
    const line = (frame.lineNumber ?? -1) + 1;
    const column = (frame.columnNumber ?? -1) + 1;
    if (!frame.url) return { name: minified, location: Number(frame.scriptId) === 0 ? '(native)' : `(script ${frame.scriptId}: no url, e.g. the test driver's)` };
    const origin = this.map(frame.url)?.findOrigin(line, column);
    if (origin === undefined || !('fileName' in origin)) return { name: minified, location: `${basename(frame.url)}:${line}:${column}` };
    const file = origin.fileName.replace(/^.*?(apps|packages|node_modules)\//, '$1/');
    return { name: origin.name ?? minified, location: `${file}:${origin.lineNumber}:${origin.columnNumber}` };
  }

  private map(url: string): SourceMap | null {
    const file = `${join(this.webDir, new URL(url).pathname)}.map`;
    if (!this.maps.has(file)) {
      this.maps.set(file, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8')) as SourceMapPayload) : null);
    }
    return this.maps.get(file) ?? null;
  }
}
