import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChildServer } from '@guandan/server/child-server';
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { MIN_STEP_RATIO, replayLayout } from '../src/replay/replay-layout';
import { handCards, openApp, playAsGuest, screenshot } from './support/app-page';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { startPlatform } from './support/platform';

const skip = skipWithoutChromium();

/** Phone portrait (small and common) and a phone held sideways. */
const PHONES = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
  { width: 844, height: 390 },
] as const;

interface Box {
  testId: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The text is cut (an ellipsis or overflow): its content is wider or taller than its box. */
  cut: boolean;
}

/** Every element whose testID starts with one of `prefixes`, with its box on screen; invisible ones left out. */
async function boxes(page: Page, prefixes: readonly string[]): Promise<Box[]> {
  return page.evaluate((wanted) => {
    const found: Box[] = [];
    for (const element of Array.from(document.querySelectorAll('[data-testid]')) as HTMLElement[]) {
      const testId = element.getAttribute('data-testid') ?? '';
      if (!wanted.some((prefix) => testId === prefix || testId.startsWith(`${prefix}-`))) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const texts = [element, ...(Array.from(element.querySelectorAll('*')) as HTMLElement[])].filter((node) => node.childElementCount === 0 && (node.textContent ?? '') !== '');
      const cut = texts.some((node) => node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1);
      found.push({ testId, x: rect.x, y: rect.y, width: rect.width, height: rect.height, cut });
    }
    return found;
  }, prefixes);
}

function assertOnScreen(found: readonly Box[], size: { width: number; height: number }, where: string): void {
  for (const box of found) {
    const inside = box.x >= -0.5 && box.y >= -0.5 && box.x + box.width <= size.width + 0.5 && box.y + box.height <= size.height + 0.5;
    assert.ok(inside, `${where}: ${box.testId} is off screen (${JSON.stringify(box)})`);
  }
}

function assertApart(a: Box, b: Box, where: string): void {
  const overlap = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;
  assert.ok(!overlap, `${where}: ${a.testId} overlaps ${b.testId} (${JSON.stringify(a)} / ${JSON.stringify(b)})`);
}

function assertNoneCut(found: readonly Box[], where: string): void {
  for (const box of found) assert.ok(!box.cut, `${where}: the text of ${box.testId} is cut`);
}

async function resize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  // A layout pass and a paint after the resize.
  await page.waitForTimeout(400);
}

const handLabels = (page: Page): Promise<string[]> =>
  handCards(page).evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-label') ?? ''));

/**
 * 理牌 at the table: two cards selected and grouped come first, in hand order; the group is still there after a
 * reload (kept on the device); 重置 gives the by-rank order back.
 */
async function arrangeAndReload(page: Page): Promise<void> {
  await handCards(page).nth(26).waitFor();
  const dealt = await handLabels(page);
  assert.equal(dealt.length, 27);
  await page.getByTestId('hand-card-12').click();
  await page.getByTestId('hand-card-5').click();
  await page.getByTestId('table-arrange').click();
  const grouped = [dealt[5], dealt[12]];
  await page.waitForFunction((first) => document.querySelector('[data-testid="hand-card-0"]')?.getAttribute('aria-label') === first, grouped[0]);
  assert.deepEqual((await handLabels(page)).slice(0, 2), grouped, 'the group is the leftmost column');
  assert.equal(await page.locator('[data-testid^="hand-card-"][aria-selected="true"]').count(), 0, 'grouping clears the selection');
  await screenshot(page, 'table-arranged-1280x720');

  await page.reload();
  await page.getByTestId('table-screen').waitFor({ timeout: 60_000 });
  await handCards(page).first().waitFor({ timeout: 30_000 });
  await page.waitForFunction((first) => document.querySelector('[data-testid="hand-card-0"]')?.getAttribute('aria-label') === first, grouped[0], { timeout: 15_000 });
  const reloaded = await handLabels(page);
  assert.deepEqual(reloaded.slice(0, 2), grouped, 'the group survives a reload');

  await page.getByTestId('table-arrange-reset').click();
  await page.waitForFunction((first) => document.querySelector('[data-testid="hand-card-0"]')?.getAttribute('aria-label') !== first, grouped[0]);
  const reset = await handLabels(page);
  const held = new Set(reset);
  assert.deepEqual(reset, dealt.filter((label) => held.has(label)), '重置 stacks the hand by rank again');
}

describe('the lobby and the replay on phones', { skip }, () => {
  let platform: ChildServer;
  let browser: Browser;

  before(async () => {
    platform = await startPlatform({ CHAIN: 'off' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  test('the top bar keeps sign-out, the language switch and every tab on screen, in both languages', { timeout: 120_000 }, async () => {
    const page = await openApp(browser, platform.url);
    await playAsGuest(page);
    for (const lang of ['first', 'second'] as const) {
      for (const size of PHONES) {
        await resize(page, size);
        const where = `${lang} language at ${size.width}x${size.height}`;
        const controls = await boxes(page, ['topbar-brand', 'logout', 'lang-toggle', 'nav', 'topbar-player']);
        assert.equal(controls.filter((box) => box.testId.startsWith('nav-')).length, 5, `${where}: five tabs`);
        for (const needed of ['topbar-brand', 'logout', 'lang-toggle', 'topbar-player']) assert.ok(controls.some((box) => box.testId === needed), `${where}: ${needed} shown`);
        assertOnScreen(controls, size, where);
        assertNoneCut(
          controls.filter((box) => box.testId !== 'topbar-player'),
          where,
        );
        for (const [index, box] of controls.entries()) for (const other of controls.slice(index + 1)) assertApart(box, other, where);
        // The lobby below: its mode tiles fit the width (the page scrolls down, never sideways).
        const tiles = await boxes(page, ['lobby-quick', 'lobby-ranked', 'lobby-create']);
        for (const tile of tiles) assert.ok(tile.x >= -0.5 && tile.x + tile.width <= size.width + 0.5, `${where}: ${tile.testId} fits across`);
        await screenshot(page, `phone-lobby-${lang}-${size.width}x${size.height}`);
      }
      // The switch itself, pressed on the smallest phone, must work.
      await resize(page, PHONES[0]);
      const before = await page.getByTestId('logout').textContent();
      await page.getByTestId('lang-toggle').click();
      await page.waitForFunction((label) => document.querySelector('[data-testid="logout"]')?.textContent !== label, before);
    }
  });

  test('理牌 survives a reload; the replay of the game shows every hand readable and every label whole', { timeout: 300_000 }, async () => {
    const page = await openApp(browser, platform.url);
    await playAsGuest(page);
    // A one-deal game with bots, played by 托管, gives a replay quickly.
    await page.getByTestId('lobby-create').click();
    await page.getByTestId('custom-length-1').click();
    await page.getByTestId('custom-create').click();
    await page.getByTestId('room-fill-bots').click();
    await page.getByTestId('room-ready').click();
    await page.getByTestId('table-screen').waitFor({ timeout: 60_000 });
    await arrangeAndReload(page);
    await page.getByTestId('table-autoplay').click();
    await page.getByTestId('result-screen').waitFor({ timeout: 240_000 });
    await page.getByTestId('result-replay').click();
    await page.getByTestId('replay-hand-bottom').waitFor({ timeout: 30_000 });
    // A few steps in, so that plays are on the table too.
    for (let step = 0; step < 6; step++) await page.getByTestId('replay-forward').click();

    for (const size of PHONES) {
      await resize(page, size);
      const where = `replay at ${size.width}x${size.height}`;
      const labels = await boxes(page, ['replay-name', 'replay-deal', 'replay-action', 'replay-close', 'replay-back', 'replay-forward', 'replay-counter']);
      const hands = await boxes(page, ['replay-hand']);
      assert.equal(hands.length, 4, `${where}: four hands`);
      assert.equal(labels.filter((box) => box.testId.startsWith('replay-name-')).length, 4, `${where}: four names`);
      assertOnScreen([...labels, ...hands], size, where);
      assertNoneCut(
        labels.filter((box) => box.testId !== 'replay-action'),
        where,
      );
      const all = [...labels, ...hands];
      for (const [index, box] of all.entries()) for (const other of all.slice(index + 1)) assertApart(box, other, where);
      // The cards are drawn on the canvas from the layout: each leaves its neighbour's corner index visible, and
      // the index is at least 12 px tall (its font is 0.36 of the card's width).
      const layout = replayLayout(size);
      assert.ok(layout.card.width * 0.36 >= 12, `${where}: card index ${layout.card.width * 0.36} px`);
      for (const [position, hand] of Object.entries(layout.hands)) {
        assert.ok(hand.step >= layout.card.width * MIN_STEP_RATIO - 0.01, `${where}: ${position} hand step ${hand.step}`);
      }
      await screenshot(page, `phone-replay-${size.width}x${size.height}`);
    }
  });
});
