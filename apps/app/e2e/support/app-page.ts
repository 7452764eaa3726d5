import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ARTIFACTS } from './browser';

export interface Player {
  email: string;
  username: string;
  password: string;
  /** YYYY-MM-DD: of age (the age gate is 18 by default). */
  birthDate: string;
}

let counter = 0;
/** A new account's details, unique per run. */
export function newPlayer(prefix: string): Player {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  return { email: `${prefix}-${tag}@example.test`, username: `${prefix}${tag}`.slice(0, 20), password: 'correct horse battery', birthDate: '1990-04-01' };
}

/** A page at the landscape size of a laptop, logging the app's errors into the test output. */
export async function openApp(browser: Browser, url: string, options: { clockAheadMs?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' });
  if (options.clockAheadMs !== undefined) {
    // A device whose clock is off: Date.now() reads this much ahead of the real time.
    await context.addInitScript((ahead) => {
      const realNow = Date.now.bind(Date);
      Date.now = () => realNow() + ahead;
    }, options.clockAheadMs);
  }
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto(url);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Signs up through the form and lands in the lobby. */
export async function register(page: Page, player: Player): Promise<void> {
  await page.getByTestId('auth-password').waitFor();
  if (!(await page.getByTestId('auth-username').isVisible())) await page.getByTestId('auth-mode-toggle').click();
  await page.getByTestId('auth-email').fill(player.email);
  await page.getByTestId('auth-username').fill(player.username);
  await page.getByTestId('auth-birth-date').fill(player.birthDate);
  await page.getByTestId('auth-password').fill(player.password);
  await page.getByTestId('auth-register').click();
  await page.getByTestId('lobby-screen').waitFor();
}

/** Signs in with the local dev wallet (offered once the app knows the chain is local) and lands in the lobby. */
export async function signInWithDevWallet(page: Page): Promise<void> {
  await page.getByTestId('auth-wallet-dev').click({ timeout: 30_000 });
  await page.getByTestId('lobby-screen').waitFor({ timeout: 30_000 });
}

export async function playAsGuest(page: Page): Promise<void> {
  await page.getByTestId('auth-guest').click();
  await page.getByTestId('lobby-screen').waitFor();
}

/** A new guest takes a quick match (bots fill the seats) and is at the table. */
export async function quickMatchAsGuest(page: Page, timeoutMs = 30_000): Promise<void> {
  await playAsGuest(page);
  await page.getByTestId('lobby-quick').click();
  await page.getByTestId('table-screen').waitFor({ timeout: timeoutMs });
}

export const handCards = (page: Page): Locator => page.locator('[data-testid^="hand-card-"]');

export async function isDisabled(button: Locator): Promise<boolean> {
  return (await button.getAttribute('aria-disabled')) === 'true' || (await button.isDisabled());
}

/** Waits until it is this player's turn or the game is over; true when it is the player's turn. */
export async function nextTurn(page: Page, timeout = 60_000): Promise<boolean> {
  const turn = page.getByTestId('table-turn-me');
  const result = page.getByTestId('result-screen');
  await turn.or(result).first().waitFor({ timeout });
  return !(await result.isVisible());
}

/**
 * Takes one turn the way a person following the hint would: asks for a hint, clicks one of the suggested cards
 * off and on again (real card clicks), then plays, choosing the first reading if asked; passes when the hint has
 * nothing. Returns what it did.
 */
export async function takeTurnByHint(page: Page): Promise<'played' | 'passed'> {
  const before = await handCards(page).count();
  await page.getByTestId('table-hint').click();
  const selected = page.locator('[data-testid^="hand-card-"][aria-selected="true"]');
  const play = page.getByTestId('table-play');
  if ((await selected.count()) === 0 || (await isDisabled(play))) {
    await page.getByTestId('table-pass').click();
    // The turn moves on, except when this pass ends a trick the partner won by going out: the player then leads at
    // once (接风), and a leader cannot pass.
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="table-turn-me"]') || document.querySelector('[data-testid="table-pass"]')?.getAttribute('aria-disabled') === 'true',
    );
    return 'passed';
  }
  const card = selected.first();
  const testId = await card.getAttribute('data-testid');
  await card.click();
  assert.equal(await page.getByTestId(testId as string).getAttribute('aria-selected'), 'false', 'a clicked card is deselected');
  await page.getByTestId(testId as string).click();
  assert.equal(await page.getByTestId(testId as string).getAttribute('aria-selected'), 'true', 'a clicked card is selected again');
  await play.click();
  const chooser = page.getByTestId('reading-option-0');
  if (await chooser.isVisible()) await chooser.click();
  await page.waitForFunction(
    (count) => document.querySelectorAll('[data-testid^="hand-card-"]').length < count || !document.querySelector('[data-testid="table-turn-me"]'),
    before,
  );
  return 'played';
}

/** From the lobby: a quick match against bots, every turn taken by the hint, until the results show. */
export async function playQuickMatchByHint(page: Page): Promise<void> {
  await page.getByTestId('lobby-quick').click();
  await page.getByTestId('table-screen').waitFor({ timeout: 30_000 });
  while (await nextTurn(page)) await takeTurnByHint(page);
  await page.getByTestId('result-screen').waitFor();
}

/** A phone in portrait: where the money screens' tests play. */
export const PHONE = { width: 390, height: 844 };
/** From a small phone to a desktop, portrait and landscape. */
export const SIZES = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
  { width: 844, height: 390 },
  { width: 1280, height: 720 },
] as const;

/** Nothing sticks out sideways: neither the page nor any element of the screen named by its test id. */
export async function assertFitsAcross(page: Page, screenId: string, where: string): Promise<void> {
  const { scrollWidth, innerWidth, outside } = await page.evaluate((id) => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    outside: (Array.from(document.querySelectorAll(`[data-testid="${id}"] *`)) as HTMLElement[])
      .filter((element) => {
        const rect = element.getBoundingClientRect();
        return rect.width > 0 && (rect.left < -0.5 || rect.right > window.innerWidth + 0.5);
      })
      .map((element) => element.getAttribute('data-testid') ?? element.textContent ?? element.tagName),
  }), screenId);
  assert.ok(scrollWidth <= innerWidth, `${where}: the page is ${scrollWidth}px wide in a ${innerWidth}px window`);
  assert.deepEqual(outside, [], `${where}: these stick out of the window`);
}
