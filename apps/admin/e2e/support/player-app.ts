import type { Browser, Page } from 'playwright-core';
import type { Account } from './platform';

export interface SocketClose {
  url: string;
  code: number;
  reason: string;
}

declare global {
  interface Window {
    socketCloses?: SocketClose[];
    socketsOpened?: number;
  }
}

/**
 * The player app in a browser context of its own (another person's browser), in English. Every WebSocket the page
 * opens reports how it closed into `window.socketCloses`: Playwright's own socket events carry no close code.
 */
export async function openPlayerApp(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
  await context.addInitScript(() => {
    const NativeWebSocket = window.WebSocket;
    window.socketCloses = [];
    window.socketsOpened = 0;
    window.WebSocket = class extends NativeWebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        this.addEventListener('open', () => (window.socketsOpened = (window.socketsOpened ?? 0) + 1));
        this.addEventListener('close', (event) => window.socketCloses?.push({ url: this.url, code: event.code, reason: event.reason }));
      }
    };
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[app page error] ${error.message}`));
  await page.goto(`${url}/`);
  return page;
}

/** Signs in through the app's form. */
export async function submitAppSignIn(page: Page, account: Account): Promise<void> {
  await page.getByTestId('auth-password').waitFor();
  if (await page.getByTestId('auth-username').isVisible()) await page.getByTestId('auth-mode-toggle').click();
  await page.getByTestId('auth-email').fill(account.email);
  await page.getByTestId('auth-password').fill(account.password);
  await page.getByTestId('auth-login').click();
}

/** Waits until the page has opened a realtime connection. */
export async function socketOpened(page: Page): Promise<void> {
  await page.waitForFunction(() => (window.socketsOpened ?? 0) > 0);
}

/** How the page's sockets have closed so far. */
export function socketCloses(page: Page): Promise<SocketClose[]> {
  return page.evaluate(() => window.socketCloses ?? []);
}
