import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AnalyticsReport } from '@guandan/protocol';
import type { ChildServer } from '@guandan/server/child-server';
import type { Browser } from 'playwright-core';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { DESKTOP, eventually, openConsole, overflowsHorizontally, PHONE, screenshot, signIn } from './support/console-page';
import { autoPlay, closeGuests, connectedGuest, customTable } from './support/guests';
import { type Account, accessToken, newAccount, startPlatform } from './support/platform';

const skip = skipWithoutChromium();
/** Players signed up for the report, besides the four guests who play and the two staff. */
const SIGN_UPS = 3;
let server: ChildServer;
let browser: Browser;
let operator: Account;
let moderator: Account;
let accountsMade = 0;

before(async () => {
  if (skip) return;
  server = await startPlatform();
  browser = await launchBrowser();
  operator = await newAccount(server, 'oper', 'operator');
  moderator = await newAccount(server, 'mod', 'moderator');
  for (let index = 0; index < SIGN_UPS; index++) await newAccount(server, 'fresh');
  // Four guests (accounts too) play a short staked game to its end: a game, coins won and lost, first games in the funnel.
  const guests = await Promise.all(['east', 'south', 'west', 'north'].map((name) => connectedGuest(server, name)));
  accountsMade = 2 + SIGN_UPS + guests.length;
  await customTable(guests, { match_length: 1, base_bet: 10 });
  const ended = guests[0].realtime.next('GAME_ENDED', () => true, 120_000);
  for (const guest of guests) autoPlay(guest);
  await ended;
  closeGuests();
  // The analytics domain rolls events up as the outbox publishes them: wait until the report has them all.
  const token = await accessToken(server, operator);
  await eventually(
    'the accounts and the game in the analytics',
    async () => {
      const report = (await (await fetch(`${server.url}/v4/admin/analytics`, { headers: { authorization: `Bearer ${token}` } })).json()) as AnalyticsReport;
      const today = report.days[report.days.length - 1];
      return { newPlayers: today?.new_players ?? 0, games: today?.games ?? 0, firstGame: report.funnel.first_game };
    },
    (seen) => seen.newPlayers >= accountsMade && seen.games > 0 && seen.firstGame > 0,
  );
});

after(async () => {
  closeGuests();
  await browser?.close();
  await server?.stop();
});

for (const viewport of [PHONE, DESKTOP]) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`an operator reads the analytics at ${size}: headline, charts, funnel and retention, within the width`, { skip }, async () => {
    const page = await openConsole(browser, server.url, viewport);
    await signIn(page, operator);
    // A phone's menu is folded away: the dashboard leads there too.
    if (viewport === PHONE) await page.getByTestId('dashboard-analytics').click();
    else await page.getByRole('menuitem', { name: /analytics/i }).click();
    await page.getByTestId('analytics-headline').waitFor();
    const today = new Date().toISOString().slice(0, 10);
    // A fresh platform: everything in the last 30 days happened today.
    assert.ok(Number((await page.getByTestId('analytics-new-players').innerText()).replace(/\D/g, '')) >= accountsMade, 'every account made is a new player');
    assert.match((await page.getByTestId('new-chart-bar').last().locator('title').textContent()) ?? '', new RegExp(`^${today} `));
    assert.ok(Number(await page.getByTestId('funnel-signed_up').getAttribute('data-accounts')) >= accountsMade, 'the funnel starts with the sign-ups');
    assert.ok(Number(await page.getByTestId('funnel-first_game').getAttribute('data-accounts')) > 0, 'the guests played their first game');
    assert.ok((await page.getByTestId('modes-chart-bar').count()) > 0, "the game has a bar in its mode's column");
    await page.getByTestId('retention-table').waitFor();
    assert.equal(await page.getByTestId('active-chart').getAttribute('data-columns'), '30');
    assert.equal(await overflowsHorizontally(page), false, `the analytics page fits ${size}`);
    await screenshot(page, `analytics-${size}`);
    // A preset asks for its range: a week of columns.
    await page.getByTestId('analytics-preset-7').click();
    await page.locator('[data-testid="active-chart"][data-columns="7"]').waitFor();
    assert.equal(await overflowsHorizontally(page), false, `the week's analytics fit ${size}`);
  });
}

test('a moderator has no Analytics entry or shortcut, and is turned away from its address', { skip }, async () => {
  const page = await openConsole(browser, server.url);
  await signIn(page, moderator);
  await page.getByRole('menuitem', { name: /moderation queue/i }).waitFor();
  assert.equal(await page.getByRole('menuitem', { name: /analytics/i }).count(), 0);
  assert.equal(await page.getByTestId('dashboard-analytics').count(), 0);
  await page.goto(`${server.url}/admin/analytics`);
  await page.waitForURL(/\/admin\/access-denied$/);
  assert.equal(await page.getByTestId('analytics-page').count(), 0);
});
