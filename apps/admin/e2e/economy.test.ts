import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { EconomyOverview } from '@guandan/protocol';
import type { ChildServer } from '@guandan/server/child-server';
import type { Browser } from 'playwright-core';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { DESKTOP, eventually, openConsole, overflowsHorizontally, PHONE, screenshot, signIn } from './support/console-page';
import { autoPlay, closeGuests, connectedGuest, customTable } from './support/guests';
import { type Account, accessToken, newAccount, startPlatform } from './support/platform';

const skip = skipWithoutChromium();
let server: ChildServer;
let browser: Browser;
let operator: Account;
let moderator: Account;

before(async () => {
  if (skip) return;
  server = await startPlatform();
  browser = await launchBrowser();
  operator = await newAccount(server, 'oper', 'operator');
  moderator = await newAccount(server, 'mod', 'moderator');
  // A game played to its end for a stake, so the page has rewards (waiting: no chain here) and coins won and lost.
  const guests = await Promise.all(['east', 'south', 'west', 'north'].map((name) => connectedGuest(server, name)));
  await customTable(guests, { match_length: 1, base_bet: 10 });
  const ended = guests[0].realtime.next('GAME_ENDED', () => true, 120_000);
  for (const guest of guests) autoPlay(guest);
  await ended;
  closeGuests();
  const token = await accessToken(server, operator);
  await eventually(
    'the rewards of the game',
    async () => ((await (await fetch(`${server.url}/v4/admin/economy`, { headers: { authorization: `Bearer ${token}` } })).json()) as EconomyOverview).minted_by_day.length,
    (days) => days > 0,
  );
});

after(async () => {
  closeGuests();
  await browser?.close();
  await server?.stop();
});

for (const viewport of [PHONE, DESKTOP]) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`an operator reads the economy at ${size}: charts, minter, chain, coins and batches, within the width`, { skip }, async () => {
    const page = await openConsole(browser, server.url, viewport);
    await signIn(page, operator);
    // A phone's menu is folded away: the dashboard leads there too.
    if (viewport === PHONE) await page.getByTestId('dashboard-economy').click();
    else await page.getByRole('menuitem', { name: /economy/i }).click();
    await page.getByTestId('rewards-chart').waitFor();
    assert.match(await page.getByTestId('economy-daily-cap').innerText(), /500\.000 PLAY per account/);
    assert.ok((await page.getByTestId('rewards-chart-bar').count()) > 0, 'the day of the game has a bar');
    assert.ok((await page.getByTestId('flows-chart-bar').count()) > 0, 'coins granted, won and lost have bars');
    for (const section of ['economy-minter', 'economy-chain', 'economy-coins', 'economy-batches']) await page.getByTestId(section).waitFor();
    // Rewarded amounts are shown as PLAY with three decimals.
    const rewarded = await page.getByTestId('rewards-table').locator('tbody tr td').nth(1).innerText();
    assert.match(rewarded, /^\d{1,3}(,\d{3})*\.\d{3}$/);
    assert.equal(await overflowsHorizontally(page), false, `the economy page fits ${size}`);
    await screenshot(page, `economy-${size}`);
  });
}

test('a moderator has no Economy or Live tables entry, and is turned away from their addresses', { skip }, async () => {
  const page = await openConsole(browser, server.url);
  await signIn(page, moderator);
  await page.getByRole('menuitem', { name: /moderation queue/i }).waitFor();
  assert.equal(await page.getByRole('menuitem', { name: /economy/i }).count(), 0);
  assert.equal(await page.getByRole('menuitem', { name: /live tables/i }).count(), 0);
  assert.equal(await page.getByTestId('dashboard-economy').count(), 0);
  assert.equal(await page.getByTestId('dashboard-tables').count(), 0);
  await page.goto(`${server.url}/admin/economy`);
  await page.waitForURL(/\/admin\/access-denied$/);
  assert.equal(await page.getByTestId('economy-page').count(), 0);
});
