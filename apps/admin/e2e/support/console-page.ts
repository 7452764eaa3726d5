import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS } from './browser';
import type { Account } from './platform';

export interface Viewport {
  width: number;
  height: number;
}

export const PHONE: Viewport = { width: 360, height: 640 };
export const DESKTOP: Viewport = { width: 1280, height: 800 };

/** A new browser context on the console's sign-in page, in English, logging the page's errors into the output. */
export async function openConsole(browser: Browser, url: string, viewport: Viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[console page error] ${error.message}`));
  await page.goto(`${url}/admin/`);
  await page.getByTestId('login-email').waitFor();
  return page;
}

/** Fills the sign-in form and sends it (the caller waits for what should follow). */
export async function submitSignIn(page: Page, account: Account): Promise<void> {
  await page.getByTestId('login-email').fill(account.email);
  await page.getByTestId('login-password').fill(account.password);
  await page.getByTestId('login-submit').click();
}

/** Signs staff in and waits for the dashboard. */
export async function signIn(page: Page, account: Account): Promise<void> {
  await submitSignIn(page, account);
  await page.getByTestId('dashboard-role').waitFor();
}

/** From anywhere in the console: finds a player by name and opens their page. */
export async function openPlayer(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/admin/users?filter=${encodeURIComponent(JSON.stringify({ q: username }))}`);
  await page.getByTestId('user-row-name').filter({ hasText: username }).first().click();
  await page.getByTestId('user-name').filter({ hasText: username }).waitFor();
}

/** Runs one action on the open player's page through its dialog, with a reason, and waits for it to close. */
export async function runAction(page: Page, action: string, reason: string, fill: (page: Page) => Promise<void> = async () => undefined): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByTestId(`${action}-dialog`);
  await dialog.waitFor();
  await fill(page);
  await dialog.getByTestId('reason-input').fill(reason);
  await dialog.getByTestId('action-confirm').click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Whether the page is wider than the window (a horizontal scroll bar). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** Saves a screenshot under e2e/artifacts: the whole page, or only the window (where a dialog covers it). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}

/**
 * Reads `probe` again (every 200 ms, for up to `timeoutMs`) until `done` accepts what it read: for what the page
 * changes by itself, such as a view it reads again on a timer. The last value read, or an error naming `what`.
 */
export async function eventually<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
