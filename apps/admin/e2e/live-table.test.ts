import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ChildServer } from '@guandan/server/child-server';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { eventually, openConsole, overflowsHorizontally, PHONE, screenshot, signIn } from './support/console-page';
import { closeGuests, connectedGuest, type Guest, playOneTurn, quickMatch, turnOf } from './support/guests';
import { type Account, newAccount, startPlatform } from './support/platform';

const skip = skipWithoutChromium();
let server: ChildServer;
let browser: Browser;
let operator: Account;
let guest: Guest;
let gameId: string;

before(async () => {
  if (skip) return;
  server = await startPlatform();
  browser = await launchBrowser();
  operator = await newAccount(server, 'oper', 'operator');
  // One person in a quick match; bots fill the table and play at BOT_DELAY_MS. The table then waits for the
  // person's turn, so what the console shows first is a table standing still.
  guest = await connectedGuest(server, 'solo');
  gameId = await quickMatch(guest);
  await turnOf(guest);
});

after(async () => {
  closeGuests();
  await browser?.close();
  await server?.stop();
});

/** What the watch page shows of each seat, read in one go: its cards left and the cards drawn in its hand. */
function seatsShown(page: Page): Promise<Array<{ seat: number; cardsLeft: number; cardsDrawn: number; toAct: boolean }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="seat-panel"]')].map((panel) => ({
      seat: Number(panel.dataset.seat),
      cardsLeft: Number(panel.dataset.cardsLeft),
      cardsDrawn: panel.querySelectorAll('[data-testid="playing-card"]').length,
      toAct: panel.dataset.toAct === 'true',
    })),
  );
}

/** The part of the view a move changes: each seat's cards left and whose turn it is. */
function moveSignature(page: Page): Promise<string> {
  return page.evaluate(() =>
    JSON.stringify({
      cards: [...document.querySelectorAll<HTMLElement>('[data-testid="seat-panel"]')].map((panel) => panel.dataset.cardsLeft),
      turn: document.querySelector<HTMLElement>('[data-testid="table-turn"]')?.dataset.seat,
    }),
  );
}

test('an operator watches a live table: four hands matching the seats, and the view follows the game by itself', { skip }, async () => {
  const page = await openConsole(browser, server.url);
  await signIn(page, operator);
  await page.getByRole('menuitem', { name: /live tables/i }).click();
  const row = page.locator(`[data-testid="table-row"][data-game-id="${gameId}"]`);
  await row.waitFor();
  assert.match(await page.getByTestId('table-seats').first().innerText(), new RegExp(guest.username));
  await row.click();

  await page.locator('[data-testid="seat-panel"]').nth(3).waitFor();
  await page.getByTestId('watch-audited').waitFor();
  const seats = await seatsShown(page);
  assert.deepEqual(
    seats.map((seat) => seat.seat),
    [0, 1, 2, 3],
  );
  for (const seat of seats) assert.equal(seat.cardsDrawn, seat.cardsLeft, `seat ${seat.seat}: every card of the hand is drawn`);
  assert.ok(seats.every((seat) => seat.cardsLeft > 0));
  // The table waits for the person: their seat is the one to play.
  const personSeat = guest.lastView()?.payload.view.seat;
  assert.deepEqual(
    seats.filter((seat) => seat.toAct).map((seat) => seat.seat),
    [personSeat],
  );
  const faces = await page.locator('[data-testid="playing-card"]').allInnerTexts();
  assert.ok(faces.every((face) => /^(10|[2-9JQKA])[♠♥♣♦]$|^(joker|JOKER)$/.test(face)), `card faces: ${faces.join(' ')}`);
  await screenshot(page, 'table-watch-1280x800');

  // On a phone the list and the same page fit the width.
  const phone = await openConsole(browser, server.url, PHONE);
  await signIn(phone, operator);
  await phone.goto(`${server.url}/admin/tables`);
  await phone.locator(`[data-testid="table-row"][data-game-id="${gameId}"]`).waitFor();
  assert.equal(await overflowsHorizontally(phone), false, 'the list of tables fits 360 px');
  await screenshot(phone, 'tables-360x640');
  await phone.locator(`[data-testid="table-row"][data-game-id="${gameId}"]`).click();
  await phone.locator('[data-testid="seat-panel"]').nth(3).waitFor();
  assert.equal(await overflowsHorizontally(phone), false, 'the watch page fits 360 px');
  await screenshot(phone, 'table-watch-360x640');

  // The person plays; the bots answer. The page was not reloaded (the marker survives), yet it shows the new state.
  const before = await moveSignature(page);
  await page.evaluate(() => Object.assign(window, { watchMarker: true }));
  await playOneTurn(guest);
  await eventually('the watched table after a move', () => moveSignature(page), (now) => now !== before);
  assert.equal(await page.evaluate(() => 'watchMarker' in window), true, 'the page changed by itself, without a reload');
  for (const seat of await seatsShown(page)) assert.equal(seat.cardsDrawn, seat.cardsLeft, `seat ${seat.seat} after the move`);
  await screenshot(page, 'table-watch-moved');
});

test("a player's page links to the table they sit at", { skip }, async () => {
  const page = await openConsole(browser, server.url);
  await signIn(page, operator);
  await page.goto(`${server.url}/admin/users/${guest.userId}/show`);
  await page.getByTestId('user-table-link').click();
  await page.locator('[data-testid="seat-panel"] [data-testid="seat-name"]').filter({ hasText: guest.username }).waitFor();
  assert.match(page.url(), new RegExp(`/admin/tables/${gameId}/show$`));
});
