import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { frameStats, markTime, summarize, type TraceEvent } from './frame-time';
import { TRACE_LEAD_MS, traced } from './tracing';

const WINDOW_MS = 2000;
const BUSY_MS = 5;

/**
 * Checks the frame parser on a page that runs 5 ms of JavaScript in every animation frame, as the page measures
 * it itself: the trace's median wall-clock JavaScript per frame must match within a millisecond (the nested events
 * of each callback, FireAnimationFrame ⊃ v8.callFunction ⊃ FunctionCall, would triple it if counted apart). The
 * operating system preempting the thread stretches both clocks apart, so run it on a quiet machine.
 */
export async function selfCheck(browser: Browser, keep: (events: readonly TraceEvent[]) => void): Promise<void> {
  const page = await browser.newPage();
  await page.setContent(`<script>
    window.spent = [];
    const frame = () => {
      const start = performance.now();
      while (performance.now() < start + ${BUSY_MS});
      spent.push([start, performance.now() - start]);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  </script>`);
  let markedAt = 0;
  const events = await traced(
    browser,
    page,
    async () => {
      await page.waitForTimeout(TRACE_LEAD_MS);
      markedAt = await page.evaluate(() => performance.mark('bench:self-check').startTime);
      await page.waitForTimeout(WINDOW_MS + TRACE_LEAD_MS);
    },
    false,
  );
  keep(events);
  const spent = await page.evaluate(() => (window as unknown as { spent: [number, number][] }).spent);
  await page.context().close();

  const own = summarize(spent.filter(([start]) => start >= markedAt && start < markedAt + WINDOW_MS).map(([, ms]) => ms));
  const start = markTime(events, 'bench:self-check');
  const stats = frameStats(events, { start, end: start + WINDOW_MS * 1000 });
  console.log(`self-check, a page running ${BUSY_MS} ms of JavaScript in every frame: ${stats.frames} frames, ${stats.fps.toFixed(0)} fps`);
  console.log(`  the page's own clock: mean ${own.mean.toFixed(2)} p50 ${own.p50.toFixed(2)} ms per frame`);
  for (const clock of ['wall', 'cpu'] as const) {
    const { mean, p50, p95, max } = stats[clock].js;
    console.log(`  trace, ${clock}: mean ${mean.toFixed(2)} p50 ${p50.toFixed(2)} p95 ${p95.toFixed(2)} max ${max.toFixed(2)} ms`);
  }
  if (Math.abs(stats.wall.js.p50 - own.p50) > 1) {
    throw new Error(`the trace does not find the time the page measured (load average ${loadavg()[0]?.toFixed(1)}: is the machine quiet?)`);
  }
  console.log('  ok');
}
