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
  test(`an operator reads the economy at ${size}: charts, minter, chain, treasury, coins and batches, within the width`, { skip }, async () => {
    const page = await openConsole(browser, server.url, viewport);
    await signIn(page, operator);
    // A phone's menu is folded away: the dashboard leads there too.
    if (viewport === PHONE) await page.getByTestId('dashboard-economy').click();
    else await page.getByRole('menuitem', { name: /economy/i }).click();
    await page.getByTestId('rewards-chart').waitFor();
    assert.match(await page.getByTestId('economy-daily-cap').innerText(), /500\.000 PLAY per account/);
    assert.ok((await page.getByTestId('rewards-chart-bar').count()) > 0, 'the day of the game has a bar');
    assert.ok((await page.getByTestId('flows-chart-bar').count()) > 0, 'coins granted, won and lost have bars');
    for (const section of ['economy-minter', 'economy-chain', 'economy-treasury', 'economy-coins', 'economy-batches']) await page.getByTestId(section).waitFor();
    // This platform runs without a chain: the treasury says so instead of showing balances.
    const treasury = page.getByTestId('treasury-status');
    assert.equal(await treasury.getAttribute('data-status'), 'chain_off');
    assert.match(await treasury.innerText(), /runs without a chain/);
    assert.equal(await page.getByTestId('treasury-play').count(), 0);
    // Rewarded amounts are shown as PLAY with three decimals.
    const rewarded = await page.getByTestId('rewards-table').locator('tbody tr td').nth(1).innerText();
    assert.match(rewarded, /^\d{1,3}(,\d{3})*\.\d{3}$/);
    assert.equal(await overflowsHorizontally(page), false, `the economy page fits ${size}`);
    await screenshot(page, `economy-${size}`);
  });
}

test('with a chain, the treasury shows its address and balances, and the address wraps on a phone', { skip }, async () => {
  // This platform runs without a chain: the overview it answers gets the treasury a chain would give (a local chain's
  // timelock address), so that the page is seen as it is on a platform with one.
  const treasury: EconomyOverview['treasury'] = {
    status: 'read',
    address: '0xF5059a5D33d5853360D16C683c16e67980206f36',
    play: '1234567.5',
    guan: '1000000',
    usdc: '0',
  };
  const page = await openConsole(browser, server.url, PHONE);
  await page.route('**/v4/admin/economy', async (route) => {
    const response = await route.fetch();
    const overview = (await response.json()) as EconomyOverview;
    await route.fulfill({ response, json: { ...overview, treasury } });
  });
  await signIn(page, operator);
  await page.getByTestId('dashboard-economy').click();
  const section = page.getByTestId('economy-treasury');
  await section.getByTestId('treasury-play').waitFor();
  assert.equal(await section.getByTestId('treasury-address').innerText(), treasury.address);
  assert.deepEqual(
    await Promise.all(['play', 'guan', 'usdc'].map((token) => section.getByTestId(`treasury-${token}`).innerText())),
    ['1,234,567.5', '1,000,000', '0'],
  );
  assert.equal(await section.getByTestId('treasury-status').count(), 0);
  assert.equal(await overflowsHorizontally(page), false, 'the treasury fits 360 px');
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'economy-treasury-360x640', { fullPage: false });
});

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
