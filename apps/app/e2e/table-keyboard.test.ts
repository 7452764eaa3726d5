import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChildServer } from '@guandan/server/child-server';
import type { Browser, Page } from 'playwright-core';
import { handCards, isDisabled, nextTurn, openApp, quickMatchAsGuest, screenshot } from './support/app-page';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { startPlatform } from './support/platform';

const skip = skipWithoutChromium();

const labelsOf = (page: Page): Promise<string[]> => handCards(page).evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-label') ?? ''));
const selectedLabels = (page: Page): Promise<string[]> =>
  page.locator('[data-testid^="hand-card-"][aria-selected="true"]').evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-label') ?? ''));

/** What left the hand between two looks at it (each copy counted once). */
function removed(before: readonly string[], after: readonly string[]): string[] {
  const left = [...after];
  const gone: string[] = [];
  for (const label of before) {
    const index = left.indexOf(label);
    if (index >= 0) left.splice(index, 1);
    else gone.push(label);
  }
  return gone;
}

/**
 * The buttons a player clicks with the mouse during a turn. Each is clicked after the hint chose the cards, so the
 * button keeps the focus when Enter is pressed.
 */
const BUTTONS: { name: string; click: (page: Page) => Promise<void> }[] = [
  { name: '提示', click: (page) => page.getByTestId('table-hint').click() },
  { name: '记牌器', click: (page) => page.getByTestId('table-tracker').click() },
  { name: '聊天', click: (page) => page.getByTestId('table-chat').click() },
  { name: 'emoji', click: (page) => page.getByTestId('emoji-0').click() },
  { name: '?', click: (page) => page.getByTestId('table-help-open').click() },
  {
    name: 'a hand card',
    click: async (page) => {
      // Off and on again: the card strip is what has the focus then.
      const card = page.locator('[data-testid^="hand-card-"][aria-selected="true"]').first();
      const testId = (await card.getAttribute('data-testid')) as string;
      await page.getByTestId(testId).click();
      await page.getByTestId(testId).click();
    },
  },
];

describe('the table keyboard in the browser', { skip }, () => {
  let platform: ChildServer;
  let browser: Browser;

  before(async () => {
    platform = await startPlatform({ BOT_DELAY_MS: '300' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  test('after a mouse click on each table button, Enter plays the selection (not the button again)', { timeout: 420_000 }, async () => {
    const page = await openApp(browser, platform.url);
    await quickMatchAsGuest(page);

    const checked: string[] = [];
    let shots = 0;
    for (const button of BUTTONS) {
      let done = false;
      while (!done) {
        assert.ok(await nextTurn(page, 90_000), `the deal ended before the ${button.name} button was checked (checked: ${checked.join(', ')})`);
        await page.getByTestId('table-hint').click();
        const play = page.getByTestId('table-play');
        if ((await selectedLabels(page)).length === 0 || (await isDisabled(play))) {
          // Nothing to beat it with: pass, and try this button on the next turn.
          await page.getByTestId('table-pass').click();
          await page.waitForFunction(() => document.querySelector('[data-testid="table-pass"]')?.getAttribute('aria-disabled') === 'true');
          continue;
        }
        await button.click(page);
        const chosen = await selectedLabels(page);
        const before = await labelsOf(page);
        await page.keyboard.press('Enter');
        if (await page.getByTestId('reading-option-0').isVisible()) {
          // These cards read two ways: Enter waits for the player to choose, as it should. Choose, try again later.
          await page.getByTestId('reading-option-0').click();
          continue;
        }
        await page.waitForFunction((count) => document.querySelectorAll('[data-testid^="hand-card-"]').length < count, before.length, { timeout: 15_000 });
        const after = await labelsOf(page);
        assert.deepEqual(removed(before, after).sort(), [...chosen].sort(), `after clicking ${button.name}, Enter played the selection`);
        const label = page.getByTestId('trick-label-bottom');
        await label.waitFor({ timeout: 5_000 });
        assert.ok(((await label.getAttribute('aria-label')) ?? '').length > 0, 'the play is captioned on the table');
        if (shots++ < 2) await screenshot(page, `table-keyboard-${shots}`);
        checked.push(button.name);
        done = true;
      }
      // Close what the button opened, so the next one starts from a plain table.
      if (await page.getByTestId('table-help').isVisible()) await page.keyboard.press('Escape');
      if (await page.getByTestId('tracker-panel').isVisible()) await page.getByTestId('table-tracker').click();
    }
    assert.deepEqual(checked, BUTTONS.map((button) => button.name));
  });

  test('? lists the shortcuts and Escape closes the list', { timeout: 120_000 }, async () => {
    const page = await openApp(browser, platform.url);
    await quickMatchAsGuest(page);
    await page.keyboard.press('?');
    const help = page.getByTestId('table-help');
    await help.waitFor();
    const text = (await help.textContent()) ?? '';
    for (const words of ['Enter', '空格', '出牌', '不出', '提示', '记牌器', 'Esc']) assert.ok(text.includes(words), `the help names ${words}: ${text}`);
    await screenshot(page, 'table-keyboard-help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await page.getByTestId('table-help-open').click();
    await help.waitFor();
    await page.getByTestId('table-help-close').click();
    await help.waitFor({ state: 'detached' });
  });
});
