import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChildServer } from '@guandan/server/child-server';
import type { Browser, Page } from 'playwright-core';
import { handCards, newPlayer, openApp, register, screenshot } from './support/app-page';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { startPlatform } from './support/platform';

const skip = skipWithoutChromium();

/** The words on the four seat plates' relation badges (the own plate has none). */
async function relationBadges(page: Page): Promise<string[]> {
  const badges = page.locator('[data-testid^="seat-"][data-testid$="-relation"]');
  return (await badges.allTextContents()).map((text) => text.trim()).sort();
}

/**
 * The flow around the deals (issue 15, points 8-10): the waiting room counts down to the bots, seats are told apart
 * (对家 / 上家 / 下家, each bot its own Chinese name), leaving asks first, a summary stands between two deals, and
 * 再来一局 opens a new game.
 */
describe('the flow around the deals in the browser', { skip }, () => {
  let platform: ChildServer;
  let browser: Browser;

  before(async () => {
    // Bots fill after a wait long enough to see the countdown even on a busy machine (at 2.5 s a slow page load
    // could reach the room after they came); deals pause long enough to read the summary.
    platform = await startPlatform({ QUICK_MATCH_BOT_FILL_MS: '8000', DEAL_BREAK_MS: '12000', BOT_DELAY_MS: '30' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  test('quick match: a countdown to the bots, seats told apart, and leaving asks before it leaves', { timeout: 180_000 }, async () => {
    const page = await openApp(browser, platform.url);
    await register(page, newPlayer('flow'));
    await page.getByTestId('lobby-quick').click();

    const countdown = page.getByTestId('room-bot-countdown');
    await countdown.waitFor({ timeout: 30_000 });
    assert.match((await countdown.textContent()) ?? '', /\d+ 秒后机器人补位|机器人正在入座/, 'the waiting room says when the bots come');
    await screenshot(page, 'flow-waiting-countdown');

    await page.getByTestId('table-screen').waitFor({ timeout: 30_000 });
    await handCards(page).first().waitFor({ timeout: 30_000 });
    assert.deepEqual(await relationBadges(page), ['上家', '下家', '对家'].sort(), 'the three other seats are marked from mine');
    const labels = await page.locator('[data-testid^="seat-"]:not([data-testid$="-relation"])').evaluateAll((plates) => plates.map((plate) => plate.getAttribute('aria-label') ?? ''));
    assert.equal(labels.length, 4);
    assert.ok(labels.every((label) => !/Bot \(/.test(label)), `no "Bot (normal)" on a Chinese table: ${labels.join(' | ')}`);
    const botNames = labels.filter((label) => label.includes('机器人')).map((label) => label.split(', ')[1]);
    assert.equal(botNames.length, 3, `three bots: ${labels.join(' | ')}`);
    assert.equal(new Set(botNames).size, 3, `each bot its own name: ${botNames.join(', ')}`);
    await screenshot(page, 'flow-seats');

    const quit = page.getByTestId('table-quit');
    assert.equal(((await quit.textContent()) ?? '').trim(), '离开牌桌', 'leaving the table is not worded like signing out');
    await quit.click();
    const dialog = page.getByTestId('quit-dialog');
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /机器人替你打完/, 'the dialog says a bot takes the seat');
    await screenshot(page, 'flow-quit-dialog');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'flow-quit-dialog-phone');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('quit-stay').click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForTimeout(1000);
    assert.ok(await page.getByTestId('table-screen').isVisible(), 'cancelling keeps the game');
    assert.ok((await handCards(page).count()) > 0, 'the hand is still there');

    await quit.click();
    await page.getByTestId('quit-confirm').click();
    await page.getByTestId('lobby-screen').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1500);
    assert.ok(await page.getByTestId('lobby-screen').isVisible(), 'confirming leaves for the lobby, and the app does not put the player back at the table');
  });

  test("a phone whose clock is ten minutes fast counts the server's times down all the same", { timeout: 180_000 }, async () => {
    const page = await openApp(browser, platform.url, { clockAheadMs: 10 * 60_000 });
    await register(page, newPlayer('clock'));
    await page.getByTestId('lobby-quick').click();
    const countdown = page.getByTestId('room-bot-countdown');
    await countdown.waitFor({ timeout: 30_000 });
    // Read by the device's clock the fill time would be ten minutes past: "bots are sitting down" at once.
    await page.waitForFunction(() => /\d+ 秒后机器人补位/.test(document.querySelector('[data-testid="room-bot-countdown"]')?.textContent ?? ''), undefined, {
      timeout: 5_000,
    });

    await page.getByTestId('table-screen').waitFor({ timeout: 30_000 });
    await page.getByTestId('table-turn-me').waitFor({ timeout: 60_000 });
    // The turn's last ten seconds are written out: by a clock ten minutes fast they would be over before they began.
    const seconds = page.getByTestId('turn-seconds');
    await seconds.waitFor({ timeout: 60_000 });
    const shown = Number((await seconds.textContent())?.trim());
    assert.ok(shown >= 1 && shown <= 10, `the badge shows ${shown}`);
    await page.context().close();
  });

  test('a three-deal game: a summary between deals with the cards left, then the result and 再来一局', { timeout: 420_000 }, async () => {
    const page = await openApp(browser, platform.url);
    await register(page, newPlayer('deals'));
    await page.getByTestId('lobby-create').click();
    await page.getByTestId('custom-length-3').click();
    await page.getByTestId('custom-create').click();
    await page.getByTestId('room-screen').waitFor();
    const firstCode = ((await page.getByTestId('room-invite-code').textContent()) ?? '').trim();
    await page.getByTestId('room-fill-bots').click();
    await page.getByTestId('room-ready').click();
    await page.getByTestId('table-screen').waitFor({ timeout: 30_000 });
    await handCards(page).first().waitFor({ timeout: 30_000 });
    // The server plays this seat (托管) so that the deal ends without a person's pace.
    await page.getByTestId('table-autoplay').click();

    const summary = page.getByTestId('deal-summary');
    await summary.waitFor({ timeout: 240_000 });
    const text = (await summary.textContent()) ?? '';
    assert.match(text, /第 1 局结束/);
    assert.match(text, /升 \d 级/);
    assert.match(text, /头游[\s\S]*二游[\s\S]*三游[\s\S]*末游/, 'the finishing order');
    assert.equal(await page.locator('[data-testid^="deal-summary-seat-"]').count(), 4);
    assert.match(text, /♠|♥|♣|♦|大王|小王/, 'the cards still held are shown');
    assert.match(text, /下一局/, 'the coming tribute');
    assert.match(text, /秒后开始下一局/, 'a countdown to the next deal');
    await screenshot(page, 'flow-deal-summary');
    // The next deal waits for the pause: a second later the summary still stands.
    await page.waitForTimeout(1000);
    assert.ok(await summary.isVisible(), 'the summary stays until the next deal starts');
    for (const [width, height, name] of [
      [390, 844, 'phone'],
      [844, 390, 'landscape'],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(300);
      if (await summary.isVisible()) await screenshot(page, `flow-deal-summary-${name}`);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    if (await summary.isVisible()) await page.getByTestId('deal-summary-continue').click();
    await summary.waitFor({ state: 'detached' });
    await page.waitForTimeout(1500);
    await screenshot(page, 'flow-next-deal');

    await page.getByTestId('result-screen').waitFor({ timeout: 360_000 });
    await screenshot(page, 'flow-result');
    await page.getByTestId('result-play-again').click();
    await page.getByTestId('room-screen').waitFor({ timeout: 30_000 });
    const secondCode = ((await page.getByTestId('room-invite-code').textContent()) ?? '').trim();
    assert.match(secondCode, /^[A-Z0-9]{4,12}$/);
    assert.notEqual(secondCode, firstCode, '再来一局 opened a new custom room');
    await screenshot(page, 'flow-play-again');
  });
});
