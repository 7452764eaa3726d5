import type { Browser, Page } from 'playwright-core';
import type { TraceEvent } from './frame-time';

/** Enough for frames, tasks and JavaScript on the main thread, and the page's own marks. */
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'v8',
];
/** Waiting this long after asking for a trace (or before stopping it) keeps the events at its edges. */
export const TRACE_LEAD_MS = 300;
/** Sampling costs time itself: only asked for when looking for what to fix, never while measuring. */
const CPU_PROFILER = 'disabled-by-default-v8.cpu_profiler';

/** Traces the browser while `during` runs; `profile` adds V8's sampling profiler (see hot-functions.ts). */
export async function traced(browser: Browser, page: Page, during: () => Promise<void>, profile: boolean): Promise<TraceEvent[]> {
  await browser.startTracing(page, { categories: profile ? [...CATEGORIES, CPU_PROFILER] : CATEGORIES });
  let trace: Buffer;
  try {
    await during();
  } finally {
    trace = await browser.stopTracing();
  }
  return (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
}

// The page functions below declare no named functions: tsx would wrap them in a helper the page does not have.

/** Has the page `performance.mark(mark)` (a trace event) the moment an element with this test id is in the DOM. */
export async function markWhenShown(page: Page, testId: string, mark: string): Promise<void> {
  await page.evaluate(
    ([id, name]) => {
      const selector = `[data-testid="${id}"]`;
      if (document.querySelector(selector) !== null) {
        performance.mark(name);
        return;
      }
      const observer = new MutationObserver(() => {
        if (document.querySelector(selector) === null) return;
        performance.mark(name);
        observer.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    },
    [testId, mark] as const,
  );
}

/** Has the page `performance.mark(mark)` the moment the pointer goes down on the element with this test id. */
export async function markOnPress(page: Page, testId: string, mark: string): Promise<void> {
  await page.evaluate(
    ([id, name]) => {
      const done = new AbortController();
      document.addEventListener(
        'pointerdown',
        (event) => {
          if (!(event.target instanceof Element) || event.target.closest(`[data-testid="${id}"]`) === null) return;
          performance.mark(name);
          done.abort();
        },
        { capture: true, signal: done.signal },
      );
    },
    [testId, mark] as const,
  );
}
