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
  ms: number;
}

export interface HotFunctions {
  /** Where the CPU was: the innermost function of each sample (often CanvasKit's wasm, or a browser built-in). */
  self: HotFunction[];
  /**
   * Whose doing it was, callees included: the innermost function on each sample's stack from the app's own sources,
   * or else from a JavaScript library (React, Skia's views...), never CanvasKit's bindings.
   */
  responsible: HotFunction[];
}

interface CallFrame {
  functionName: string;
  url?: string;
  scriptId: number | string;
  lineNumber?: number;
  columnNumber?: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  parent?: number;
}

interface ProfileData {
  startTime?: number;
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

type Named = Omit<HotFunction, 'ms'>;

const NOT_JAVASCRIPT = new Set(['(root)', '(program)', '(idle)']);
/** Source paths (as source maps name them) of the app's own code, then of the libraries it calls. */
const APP_SOURCES = /^(apps|packages)\//;
const LIBRARY_SOURCES = /^node_modules\/(?!canvaskit-wasm\/)/;
const NOBODY: Named = { name: '(no app or library function on the stack)', location: 'e.g. the browser, CanvasKit on its own' };

/** The functions that took the most time inside `window` on the given thread, most first. */
export function hotFunctions(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
  window: Interval,
  count: number,
  webDir: string,
): HotFunctions {
  const profile = events.find((event) => event.name === 'Profile' && event.pid === thread.pid && event.tid === thread.tid);
  if (profile === undefined) return { self: [], responsible: [] };
  const nodes = new Map<number, ProfileNode>();
  const samples: { node: number; ts: number }[] = [];
  let ts = dataOf(profile).startTime ?? profile.ts;
  for (const chunk of events) {
    if (chunk.name !== 'ProfileChunk' || chunk.pid !== thread.pid || chunk.id !== profile.id) continue;
    const data = dataOf(chunk);
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const deltas = data.timeDeltas ?? [];
    (data.cpuProfile?.samples ?? []).forEach((node, i) => {
      ts += deltas[i] ?? 0;
      samples.push({ node, ts });
    });
  }

  const sources = new SourceMaps(webDir);
  const named = new Map<number, Named>();
  const nameOf = (node: ProfileNode): Named => {
    const known = named.get(node.id) ?? sources.name(node.callFrame);
    named.set(node.id, known);
    return known;
  };
  const innermost = (leaf: ProfileNode, sources: RegExp): Named | undefined => {
    for (let node: ProfileNode | undefined = leaf; node !== undefined; node = node.parent === undefined ? undefined : nodes.get(node.parent)) {
      if (sources.test(nameOf(node).location)) return nameOf(node);
    }
    return undefined;
  };
  const self = new Tally();
  const responsible = new Tally();
  samples.forEach((sample, i) => {
    const next = samples[i + 1];
    const leaf = nodes.get(sample.node);
    if (next === undefined || leaf === undefined || NOT_JAVASCRIPT.has(leaf.callFrame.functionName)) return;
    if (sample.ts < window.start || sample.ts >= window.end) return;
    const ms = (next.ts - sample.ts) / 1000;
    self.add(nameOf(leaf), ms);
    responsible.add(innermost(leaf, APP_SOURCES) ?? innermost(leaf, LIBRARY_SOURCES) ?? NOBODY, ms);
  });
  return { self: self.top(count), responsible: responsible.top(count) };
}

class Tally {
  private readonly byKey = new Map<string, HotFunction>();

  add(named: Named, ms: number): void {
    const key = `${named.name} ${named.location}`;
    const entry = this.byKey.get(key) ?? { ...named, ms: 0 };
    entry.ms += ms;
    this.byKey.set(key, entry);
  }

  top(count: number): HotFunction[] {
    return [...this.byKey.values()].sort((a, b) => b.ms - a.ms).slice(0, count);
  }
}

function dataOf(event: TraceEvent): ProfileData {
  return (event.args?.data as ProfileData | undefined) ?? {};
}

/** The web build's source maps, read once each. */
class SourceMaps {
  private readonly maps = new Map<string, SourceMap | null>();

  constructor(private readonly webDir: string) {}

  name(frame: CallFrame): Named {
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
