import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChildServer } from '@guandan/server/child-server';
import { handCards, newPlayer, nextTurn, openApp, register, screenshot, takeTurnByHint } from './support/app-page';
import type { Browser } from 'playwright-core';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { startPlatform } from './support/platform';

const skip = skipWithoutChromium();

describe('quick match in the browser', { skip }, () => {
  let platform: ChildServer;
  let browser: Browser;

  before(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  test('register, quick match, a whole deal played through the UI with a reload mid-deal, then the result', { timeout: 300_000 }, async () => {
    const page = await openApp(browser, platform.url);
    await register(page, newPlayer('e2e'));
    await screenshot(page, 'lobby');

    await page.getByTestId('lobby-quick').click();
    await page.getByTestId('table-screen').waitFor({ timeout: 30_000 });
    await handCards(page).first().waitFor();
    assert.equal(await handCards(page).count(), 27, 'a deal gives each seat 27 cards');

    let turns = 0;
    let plays = 0;
    let reloaded = false;
    while (await nextTurn(page)) {
      if (turns === 2) await screenshot(page, 'table');
      if (turns === 3 && !reloaded) {
        const cardsBefore = await handCards(page).count();
        const labelsBefore = await handCards(page).evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-label')));
        await page.reload();
        await page.getByTestId('table-screen').waitFor({ timeout: 30_000 });
        await handCards(page).first().waitFor();
        assert.equal(await handCards(page).count(), cardsBefore, 'after a reload the same hand is back');
        assert.deepEqual(await handCards(page).evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-label'))), labelsBefore);
        reloaded = true;
        continue;
      }
      if ((await takeTurnByHint(page)) === 'played') plays += 1;
      turns += 1;
    }
    assert.ok(reloaded, 'the deal lasted long enough to reload in the middle');
    assert.ok(plays > 0, 'the player played cards through the UI');

    await page.getByTestId('result-screen').waitFor();
    await screenshot(page, 'result');
    await page.getByTestId('result-continue').click();
    await page.getByTestId('lobby-screen').waitFor();
  });
});
