import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ChildServer } from '@guandan/server/child-server';
import type { Browser } from 'playwright-core';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { openConsole, openPlayer, runAction, screenshot, signIn } from './support/console-page';
import { type Account, newAccount, startPlatform } from './support/platform';

const skip = skipWithoutChromium();
let server: ChildServer;
let browser: Browser;
let operator: Account;
let player: Account;

before(async () => {
  if (skip) return;
  server = await startPlatform();
  browser = await launchBrowser();
  operator = await newAccount(server, 'oper', 'operator');
  player = await newAccount(server, 'refund');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('an operator corrects coins with a reason and finds the audit entry: who, what, the balance before and after', { skip }, async () => {
  const page = await openConsole(browser, server.url);
  await signIn(page, operator);
  await openPlayer(page, server.url, player.username);
  const before = Number((await page.getByTestId('profile-coins').innerText()).replace(/\D/g, ''));

  await runAction(page, 'coins', 'refund for a game lost to a server restart', async () => {
    await page.getByTestId('amount-input').fill('250');
  });
  await page.getByTestId('profile-coins').filter({ hasText: (before + 250).toLocaleString('en-US') }).waitFor();
  await page.getByTestId('tab-ledger').click();
  await page.getByTestId('ledger-amount').filter({ hasText: '+250' }).first().waitFor();

  await page.getByTestId('tab-profile').click();
  await page.getByTestId('user-audit-link').click();
  const entry = page.locator('tr', { has: page.getByTestId('audit-action').filter({ hasText: 'coins.correct' }) }).first();
  await entry.waitFor();
  assert.equal(await entry.getByTestId('audit-actor').innerText(), operator.username);
  assert.match(await entry.innerText(), /refund for a game lost to a server restart/);
  await entry.click();
  const changes = page.getByTestId('audit-changes');
  await changes.waitFor();
  assert.deepEqual(JSON.parse(await changes.getByTestId('audit-before').innerText()), { balance: before });
  assert.deepEqual(JSON.parse(await changes.getByTestId('audit-after').innerText()), { balance: before + 250, amount: 250 });
  assert.match(await changes.getByTestId('audit-changed').innerText(), /amount, balance/);
  await screenshot(page, 'coin-correction-audit');
});
