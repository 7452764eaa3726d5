/**
 * Reads a Chrome trace (what `browser.stopTracing()` returns) and tells how much of each frame the page's renderer
 * main thread spent running JavaScript, and how much it was busy at all. Pure: events in, figures out.
 *
 * A frame is the time from one `BeginMainThreadFrame` to the next on that thread: everything the thread does in
 * between (animation callbacks, timers, socket messages, input) delays the next frame. Nested trace events
 * (FireAnimationFrame ⊃ FunctionCall ⊃ v8.callFunction ...) are counted once: time is the union of intervals.
 * Every figure comes on two clocks: wall time, as DevTools shows it, and the thread's CPU time, which leaves out the
 * moments the operating system ran something else (a loaded machine stretches wall time, not CPU time).
 */

/** One event of the Chrome trace event format; times in microseconds. */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread CPU clock. */
  tts?: number;
  tdur?: number;
  pid: number;
  tid: number;
  /** Pairs async and profiler events. */
  id?: string;
  args?: { name?: string; data?: unknown };
}

export interface Interval {
  start: number;
  end: number;
}

export interface Summary {
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

export type Clock = 'wall' | 'cpu';

export interface PerFrame {
  /** JavaScript milliseconds per frame. */
  js: Summary;
  /** Milliseconds per frame the main thread was running any task (JavaScript, style, layout, paint, commit...). */
  busy: Summary;
}

export interface FrameStats {
  /** Complete frames (from one frame start to the next) inside the window. */
  frames: number;
  windowMs: number;
  fps: number;
  wall: PerFrame;
  cpu: PerFrame;
}

const FRAME_START = 'BeginMainThreadFrame';
const MAIN_THREAD = 'CrRendererMain';

/** V8 running code (scripts, callbacks, microtasks), compiling it, or collecting its garbage, on the main thread. */
const JS_EVENTS: ReadonlySet<string> = new Set([
  'EvaluateScript',
  'v8.run',
  'v8.evaluateModule',
  'v8.compile',
  'v8.compileModule',
  'FunctionCall',
  'v8.callFunction',
  'FireAnimationFrame',
  'TimerFire',
  'FireIdleCallback',
  'EventDispatch',
  'RunMicrotasks',
  'V8.DeoptimizeCode',
  'MinorGC',
  'MajorGC',
]);
/** V8's own garbage collection steps (V8.GC_SCAVENGER, V8.GC_MC_...), often run as tasks of their own. */
const GC_PREFIX = 'V8.GC';
const isJavaScript = (name: string): boolean => JS_EVENTS.has(name) || name.startsWith(GC_PREFIX);

/** The scheduler's top-level tasks: whatever the main thread does happens inside one. */
const TASK_EVENTS: ReadonlySet<string> = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
const isTask = (name: string): boolean => TASK_EVENTS.has(name);

/** The trace clock time of the first `performance.mark(name)` the page made (category blink.user_timing). */
export function markTime(events: readonly TraceEvent[], name: string): number {
  const mark = events.find((event) => event.name === name && event.cat.includes('blink.user_timing'));
  if (mark === undefined) throw new Error(`the trace has no mark "${name}" (was blink.user_timing traced?)`);
  return mark.ts;
}

/** The renderer main thread that drew the most frames in the window: the page's, not an idle about:blank's. */
export function pageMainThread(events: readonly TraceEvent[], window: Interval): { pid: number; tid: number } {
  const mainThreads = new Set(
    events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === MAIN_THREAD).map((event) => `${event.pid}:${event.tid}`),
  );
  const frames = new Map<string, number>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (event.name === FRAME_START && mainThreads.has(key) && inside(event.ts, window)) frames.set(key, (frames.get(key) ?? 0) + 1);
  }
  const busiest = [...frames].sort((a, b) => b[1] - a[1])[0];
  if (busiest === undefined) throw new Error('no renderer main thread drew a frame in the window');
  const [pid, tid] = busiest[0].split(':').map(Number) as [number, number];
  return { pid, tid };
}

/** JavaScript and busy time per frame on the page's main thread, for the frames that start and end inside `window`. */
export function frameStats(events: readonly TraceEvent[], window: Interval): FrameStats {
  const { pid, tid } = pageMainThread(events, window);
  const thread = events.filter((event) => event.pid === pid && event.tid === tid).sort((a, b) => a.ts - b.ts);
  const frameStarts = thread.filter((event) => event.name === FRAME_START && inside(event.ts, window));
  const windowMs = (window.end - window.start) / 1000;
  const perFrame = (clock: Clock): PerFrame => {
    const starts = frameStarts.map((event) => startOn(clock, event)).filter((ts) => ts !== undefined);
    const frames = starts.slice(1).map((end, i) => ({ start: starts[i] as number, end }));
    const js = union(intervalsOf(thread, isJavaScript, clock));
    const busy = union([...js, ...intervalsOf(thread, isTask, clock)]);
    return {
      js: summarize(frames.map((frame) => overlap(js, frame) / 1000)),
      busy: summarize(frames.map((frame) => overlap(busy, frame) / 1000)),
    };
  };
  return {
    frames: Math.max(0, frameStarts.length - 1),
    windowMs,
    fps: frameStarts.length / (windowMs / 1000),
    wall: perFrame('wall'),
    cpu: perFrame('cpu'),
  };
}

/**
 * The intervals of the events that count on one thread's time-sorted events: complete events ('X') as they are, and
 * begin/end pairs ('B'/'E', properly nested per thread). A 'B' still open when the trace stops is left out: it
 * has no end, and it is at most the task the trace stopped in, after the measured window.
 */
export function intervalsOf(thread: readonly TraceEvent[], counts: (name: string) => boolean, clock: Clock): Interval[] {
  const intervals: Interval[] = [];
  const open: TraceEvent[] = [];
  for (const event of thread) {
    if (event.ph === 'B') open.push(event);
    else if (event.ph === 'E') {
      const begin = open.pop();
      const start = begin !== undefined && counts(begin.name) ? startOn(clock, begin) : undefined;
      const end = startOn(clock, event);
      if (start !== undefined && end !== undefined) intervals.push({ start, end });
    } else if (event.ph === 'X' && counts(event.name)) {
      const start = startOn(clock, event);
      const duration = clock === 'wall' ? event.dur : event.tdur;
      if (start !== undefined && duration !== undefined) intervals.push({ start, end: start + duration });
    }
  }
  return intervals;
}

function startOn(clock: Clock, event: TraceEvent): number | undefined {
  return clock === 'wall' ? event.ts : event.tts;
}

/** Sorted, disjoint intervals covering exactly the same time. */
export function union(intervals: readonly Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const next of [...intervals].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last !== undefined && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else merged.push({ ...next });
  }
  return merged;
}

/** How much of `range` the disjoint intervals cover. */
export function overlap(disjoint: readonly Interval[], range: Interval): number {
  let covered = 0;
  for (const interval of disjoint) {
    if (interval.start >= range.end) break;
    covered += Math.max(0, Math.min(interval.end, range.end) - Math.max(interval.start, range.start));
  }
  return covered;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { mean: 0, p50: 0, p95: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
  return { mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length, p50: rank(0.5), p95: rank(0.95), max: rank(1) };
}

function inside(ts: number, window: Interval): boolean {
  return ts >= window.start && ts <= window.end;
}
