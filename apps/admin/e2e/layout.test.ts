import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ChildServer } from '@guandan/server/child-server';
import type { Browser } from 'playwright-core';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { DESKTOP, openConsole, openPlayer, overflowsHorizontally, PHONE, screenshot, signIn } from './support/console-page';
import { type Account, newAccount, startPlatform } from './support/platform';

const skip = skipWithoutChromium();
let server: ChildServer;
let browser: Browser;
let admin: Account;
let player: Account;

before(async () => {
  if (skip) return;
  server = await startPlatform();
  browser = await launchBrowser();
  admin = await newAccount(server, 'layout', 'admin');
  // A long name and email, the kind that widens a page when nothing wraps.
  player = await newAccount(server, 'longplayername');
  for (let index = 0; index < 3; index += 1) await newAccount(server, 'filler');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const viewport of [PHONE, DESKTOP]) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`the users list, a player's page and an action dialog fit ${size}`, { skip }, async () => {
    const page = await openConsole(browser, server.url, viewport);
    await signIn(page, admin);
    await page.goto(`${server.url}/admin/users`);
    await page.getByTestId('user-row-name').first().waitFor();
    assert.equal(await overflowsHorizontally(page), false, 'users list');
    await screenshot(page, `users-${size}`);

    await openPlayer(page, server.url, player.username);
    for (const tab of ['profile', 'sessions', 'sanctions', 'cases', 'ledger', 'purchases', 'games']) {
      await page.getByTestId(`tab-${tab}`).click();
      assert.equal(await overflowsHorizontally(page), false, `player page, ${tab} tab`);
    }
    await page.getByTestId('tab-profile').click();
    await screenshot(page, `user-show-${size}`);

    await page.getByTestId('action-suspend').click();
    const dialog = page.getByTestId('suspend-dialog').getByRole('dialog');
    await dialog.waitFor();
    const box = await dialog.boundingBox();
    assert.ok(box !== null && box.x >= 0 && box.x + box.width <= viewport.width, `the dialog is within the window: ${JSON.stringify(box)}`);
    assert.equal(await overflowsHorizontally(page), false, 'dialog');
    await screenshot(page, `suspend-dialog-${size}`, { fullPage: false });
  });
}
