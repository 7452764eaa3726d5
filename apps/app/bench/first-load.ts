import { existsSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

export type AssetKind = 'wasm' | 'js' | 'fonts' | 'other';

export interface LoadedFile {
  path: string;
  kind: AssetKind;
  status: number;
  /** Content-Encoding as served ('' when none). */
  encoding: string;
  /** Bytes on the wire as measured (headers included): Network.loadingFinished encodedDataLength. */
  wireBytes: number;
  /** What an HTTPS deployment sends for the body: the build's `.br` copy, else the file itself (else the measured body). */
  brotliBytes: number;
  /** A file of the build that the build compresses but that has no `.br` copy: a build still being written? */
  missingBrotliCopy: boolean;
}

export interface KindTotals {
  files: number;
  wireBytes: number;
  brotliBytes: number;
}

export interface FirstLoad {
  /** From navigation to the guest button being visible with CanvasKit loaded. */
  interactiveMs: number;
  files: LoadedFile[];
  byKind: Record<AssetKind, KindTotals>;
  total: KindTotals;
}

interface Pending {
  url: string;
  status: number;
  encoding: string;
  bodyBytes: number;
  wireBytes: number | null;
}

const SETTLE_TIMEOUT_MS = 10_000;
/** The extensions scripts/build-web.ts writes `.br` copies for. */
const COMPRESSED_BY_THE_BUILD = new Set(['.js', '.html', '.json', '.wasm', '.ttf', '.css', '.svg']);

/**
 * Opens the app in a new browser context (empty cache) and waits until the auth screen is interactive with
 * CanvasKit loaded, recording every response asked for until then. What Chromium asks for depends on the origin (brotli
 * only where it trusts it: HTTPS, or 127.0.0.1), so the brotli figures come from the build's `.br` copies in `distDir`.
 * Returns the page, still open at the auth screen, for the caller to go on with (and close its context).
 */
export async function measureFirstLoad(browser: Browser, url: string, distDir: string): Promise<{ page: Page; firstLoad: FirstLoad }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  const cdp = await context.newCDPSession(page);
  const requests = new Map<string, Pending>();
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    if (!request.url.startsWith('data:')) requests.set(requestId, { url: request.url, status: 0, encoding: '', bodyBytes: 0, wireBytes: null });
  });
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const pending = requests.get(requestId);
    if (pending === undefined) return;
    pending.status = response.status;
    pending.encoding = headerValue(response.headers, 'content-encoding');
  });
  cdp.on('Network.dataReceived', ({ requestId, dataLength }) => {
    const pending = requests.get(requestId);
    if (pending !== undefined) pending.bodyBytes += dataLength;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const pending = requests.get(requestId);
    if (pending !== undefined) pending.wireBytes = encodedDataLength;
  });
  cdp.on('Network.loadingFailed', ({ requestId }) => requests.delete(requestId));
  await cdp.send('Network.enable');

  const started = Date.now();
  await page.goto(url);
  await page.getByTestId('auth-guest').waitFor();
  await page.waitForFunction(() => 'CanvasKit' in globalThis);
  const interactiveMs = Date.now() - started;
  const asked = [...requests.values()];
  await waitUntil(() => asked.every((request) => request.wireBytes !== null), SETTLE_TIMEOUT_MS);
  await cdp.detach();

  const files = asked.map((request) => loadedFile(request, distDir));
  return { page, firstLoad: { interactiveMs, files, byKind: totalsByKind(files), total: totals(files) } };
}

function loadedFile(request: Pending, distDir: string): LoadedFile {
  const path = new URL(request.url).pathname;
  const file = join(distDir, path === '/' ? 'index.html' : decodeURIComponent(path));
  const built = existsSync(file) && statSync(file).isFile();
  const brotliCopy = built && existsSync(`${file}.br`);
  const brotliBytes = brotliCopy ? statSync(`${file}.br`).size : built ? statSync(file).size : request.bodyBytes;
  return {
    path,
    kind: kindOf(path),
    status: request.status,
    encoding: request.encoding,
    wireBytes: request.wireBytes ?? 0,
    brotliBytes,
    missingBrotliCopy: built && !brotliCopy && COMPRESSED_BY_THE_BUILD.has(extname(file)),
  };
}

function kindOf(path: string): AssetKind {
  const extension = extname(path);
  if (extension === '.wasm') return 'wasm';
  if (extension === '.js') return 'js';
  if (['.ttf', '.otf', '.woff', '.woff2'].includes(extension)) return 'fonts';
  return 'other';
}

function totalsByKind(files: readonly LoadedFile[]): Record<AssetKind, KindTotals> {
  const of = (kind: AssetKind): KindTotals => totals(files.filter((file) => file.kind === kind));
  return { wasm: of('wasm'), js: of('js'), fonts: of('fonts'), other: of('other') };
}

function totals(files: readonly LoadedFile[]): KindTotals {
  return {
    files: files.length,
    wireBytes: files.reduce((sum, file) => sum + file.wireBytes, 0),
    brotliBytes: files.reduce((sum, file) => sum + file.brotliBytes, 0),
  };
}

function headerValue(headers: Record<string, string>, name: string): string {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1] ?? '';
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`responses still loading after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
