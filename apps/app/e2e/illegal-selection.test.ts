import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChildServer } from '@guandan/server/child-server';
import { handCards, isDisabled, nextTurn, openApp, quickMatchAsGuest, screenshot } from './support/app-page';
import type { Browser } from 'playwright-core';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { startPlatform } from './support/platform';

const skip = skipWithoutChromium();

/** Two cards of different natural ranks, neither a joker nor a heart (a heart may be the wild level card). */
function twoUnrelatedCards(labels: string[]): [number, number] {
  const plain = labels.map((label, index) => ({ index, suit: label.slice(0, 1), rank: label.slice(1) })).filter((card) => '♠♣♦'.includes(card.suit) && card.rank.length > 0);
  for (const first of plain) for (const second of plain) if (first.rank !== second.rank) return [first.index, second.index];
  throw new Error(`no two unrelated cards in ${labels.join(' ')}`);
}

describe('an illegal selection in the browser', { skip }, () => {
  let platform: ChildServer;
  let browser: Browser;

  before(async () => {
    // Slow bots: the player's turn comes while the test is still looking at it.
    platform = await startPlatform({ BOT_DELAY_MS: '300' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  test('shows why it cannot be played, and neither the button nor Enter plays it', { timeout: 180_000 }, async () => {
    const page = await openApp(browser, platform.url);
    await quickMatchAsGuest(page);
    assert.ok(await nextTurn(page), 'the player gets a turn');

    const labels = (await handCards(page).evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-label') ?? ''))) as string[];
    const [first, second] = twoUnrelatedCards(labels);
    await page.getByTestId(`hand-card-${first}`).click();
    await page.getByTestId(`hand-card-${second}`).click();

    const reason = page.getByTestId('table-selection-reason');
    await reason.waitFor();
    assert.ok(((await reason.textContent()) ?? '').trim().length > 0, 'the reason is spelled out');
    assert.ok(await isDisabled(page.getByTestId('table-play')), 'the play button is disabled');
    await screenshot(page, 'illegal-selection');

    const count = await handCards(page).count();
    await page.getByTestId('table-play').click({ force: true });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    assert.equal(await handCards(page).count(), count, 'no card left the hand');
    assert.ok(await page.getByTestId('table-turn-me').isVisible(), 'it is still the player\'s turn');
  });
});
