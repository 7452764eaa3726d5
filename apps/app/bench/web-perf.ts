/**
 * Measures the web app in this machine's Chromium, against the real platform serving the web build
 * (run `npm run build:web -w apps/app` first): the first-load transfer, and the JavaScript time per frame during the
 * deal animation and during a card play. Prints a table and writes a JSON report.
 *   --runs N         how many times (default 3)
 *   --out FILE       the JSON report (default test-artifacts/web-perf.json)
 *   --profile        also list the functions with the most self time (sampling slows the page: not for the figures);
 *                    with source maps in the build (expo export --source-maps) they are named as in the sources
 *   --web-dir DIR    serve this web build instead of apps/app/dist
 *   --trace-dir DIR  keep the raw traces (they open in Chrome DevTools' Performance panel)
 *   --self-check     only check the frame parser on a page that runs 5 ms of JavaScript in every frame
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { handCards, isDisabled, nextTurn, playAsGuest } from '../e2e/support/app-page';
import { ARTIFACTS, launchBrowser } from '../e2e/support/browser';
import { startPlatform, WEB_DIR } from '../e2e/support/platform';
import { measureFirstLoad } from './first-load';
import { frameStats, type Interval, markTime, pageMainThread, type TraceEvent } from './frame-time';
import { hotFunctions } from './hot-functions';
import { printFirstLoad, printFrames, printHotFunctions, printSpreads, type RunResult, spreads } from './report';
import { selfCheck } from './self-check';
import { markOnPress, markWhenShown, TRACE_LEAD_MS, traced } from './tracing';

const DEAL_WINDOW_MS = 3000;
const PLAY_WINDOW_MS = 1500;
const HOT_FUNCTIONS = 15;

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: join(ARTIFACTS, 'web-perf.json') },
    'web-dir': { type: 'string', default: WEB_DIR },
    profile: { type: 'boolean', default: false },
    'trace-dir': { type: 'string' },
    'self-check': { type: 'boolean', default: false },
  },
});

function keepTrace(name: string, events: readonly TraceEvent[]): void {
  const dir = options['trace-dir'];
  if (dir === undefined) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ traceEvents: events }));
}

/** The window after a page mark, with the functions that took the time there when profiling. */
function measureWindow(events: readonly TraceEvent[], mark: string, lengthMs: number) {
  const start = markTime(events, mark);
  const window: Interval = { start, end: start + lengthMs * 1000 };
  const stats = frameStats(events, window);
  const hot = options.profile ? hotFunctions(events, pageMainThread(events, window), window, HOT_FUNCTIONS, options['web-dir']) : undefined;
  return { stats, hot };
}

/** From the lobby: quick match, traced from before the click until the deal window after the table appears. */
async function traceDeal(browser: Browser, page: Page, run: number) {
  await markWhenShown(page, 'table-screen', 'bench:table-shown');
  const events = await traced(
    browser,
    page,
    async () => {
      await page.getByTestId('lobby-quick').click();
      await page.getByTestId('table-screen').waitFor({ timeout: 60_000 });
      await page.waitForTimeout(DEAL_WINDOW_MS + TRACE_LEAD_MS);
    },
    options.profile,
  );
  keepTrace(`run${run}-deal`, events);
  return measureWindow(events, 'bench:table-shown', DEAL_WINDOW_MS);
}

/** On the player's turns: hint, and play what it suggests (passing while it has nothing), traced around the click. */
async function tracePlay(browser: Browser, page: Page, run: number) {
  const play = page.getByTestId('table-play');
  while (await nextTurn(page)) {
    await page.getByTestId('table-hint').click();
    const suggested = await page.locator('[data-testid^="hand-card-"][aria-selected="true"]').count();
    if (suggested === 0 || (await isDisabled(play))) {
      await page.getByTestId('table-pass').click();
      await page.getByTestId('table-turn-me').waitFor({ state: 'detached' });
      continue;
    }
    await markOnPress(page, 'table-play', 'bench:play');
    const events = await traced(
      browser,
      page,
      async () => {
        await page.waitForTimeout(TRACE_LEAD_MS);
        await play.click();
        const chooser = page.getByTestId('reading-option-0');
        if (await chooser.isVisible()) await chooser.click();
        await page.waitForTimeout(PLAY_WINDOW_MS + TRACE_LEAD_MS);
      },
      options.profile,
    );
    keepTrace(`run${run}-play`, events);
    return measureWindow(events, 'bench:play', PLAY_WINDOW_MS);
  }
  throw new Error('the game ended before the player could play a card');
}

async function measureRun(browser: Browser, url: string, run: number): Promise<RunResult> {
  const { page, firstLoad } = await measureFirstLoad(browser, url, options['web-dir']);
  try {
    await playAsGuest(page);
    const deal = await traceDeal(browser, page, run);
    await handCards(page).first().waitFor();
    const play = await tracePlay(browser, page, run);
    const result: RunResult = { firstLoad, deal: deal.stats, play: play.stats };
    return deal.hot && play.hot ? { ...result, hot: { deal: deal.hot, play: play.hot } } : result;
  } finally {
    await page.context().close();
  }
}

async function main(): Promise<void> {
  const browser = await launchBrowser();
  try {
    if (options['self-check']) return await selfCheck(browser, (events) => keepTrace('self-check', events));
    const webDir = options['web-dir'];
    if (!existsSync(join(webDir, 'index.html'))) throw new Error(`no web build in ${webDir}: npm run build:web -w apps/app`);
    const loadBefore = loadavg()[0] ?? 0;
    const platform = await startPlatform({ BOT_DELAY_MS: '800', WEB_DIR: webDir });
    const runs: RunResult[] = [];
    try {
      for (let run = 1; run <= Number(options.runs); run += 1) runs.push(await measureRun(browser, platform.url, run));
    } finally {
      await platform.stop();
    }
    const machine = {
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      chromium: browser.version(),
      /** Other processes stretch wall-clock figures: the 1-minute load average before and after the runs. */
      loadAverage: [loadBefore, loadavg()[0] ?? 0],
    };
    const load = machine.loadAverage.map((value) => value.toFixed(1)).join(' → ');
    console.log(`Web app performance, ${new Date().toISOString()}, Chromium ${machine.chromium}, ${machine.cpus} × ${machine.cpuModel}, load ${load}\n`);
    if (runs[0] !== undefined) printFirstLoad(runs[0].firstLoad);
    printFrames(runs);
    printHotFunctions(runs);
    const spread = spreads(runs);
    printSpreads(spread, runs.length);
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, JSON.stringify({ date: new Date().toISOString(), machine, spread, runs }, null, 2));
    console.log(`\nreport: ${options.out}`);
  } finally {
    await browser.close();
  }
}

await main();
