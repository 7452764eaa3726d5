import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AdminTable, AuditEntry } from '@guandan/protocol';
import type { ChildServer } from '@guandan/server/child-server';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { DESKTOP, eventually, openConsole, overflowsHorizontally, PHONE, screenshot, signIn } from './support/console-page';
import { closeGuests, connectedGuest, type Guest, playOneTurn, quickMatch, turnOf } from './support/guests';
import { type Account, accessToken, newAccount, startPlatform } from './support/platform';

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

/** Resolves once a dialog's entrance (a fade) is over, so that a screenshot shows it as a person sees it. */
function shown(dialog: Locator): Promise<unknown> {
  return dialog.evaluate((node) => Promise.all(node.getAnimations({ subtree: true }).map((animation) => animation.finished)));
}

/** The audit entries of one action about one target, read with an operator's token as the audit page reads them. */
async function auditEntries(token: string, action: string, targetId: string): Promise<AuditEntry[]> {
  const query = new URLSearchParams({ action, target_id: targetId });
  const response = await fetch(`${server.url}/v4/admin/audit?${query}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200);
  return ((await response.json()) as { items: AuditEntry[] }).items;
}

test('a stuck table puts the End table button in a warning, within a phone’s width', { skip }, async () => {
  // A table is stuck after minutes without an event: the table read here is marked so, as the server would then.
  const page = await openConsole(browser, server.url, PHONE);
  await page.route(`**/v4/admin/tables/${gameId}`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...((await response.json()) as AdminTable), stuck: true } });
  });
  await signIn(page, operator);
  await page.goto(`${server.url}/admin/tables/${gameId}/show`);
  const warning = page.getByTestId('table-stuck-alert');
  await warning.waitFor();
  assert.match(await warning.innerText(), /Nothing has happened at this table/);
  assert.match((await warning.getByTestId('action-end-table').getAttribute('class')) ?? '', /MuiButton-contained/, 'the button stands out');
  assert.equal(await overflowsHorizontally(page), false, 'the stuck table fits 360 px');
  await screenshot(page, 'table-stuck-360x640', { fullPage: false });
});

// Last: it ends the table the tests above watch.
test('an operator ends the table with a reason: the players are told, the page says so and stops reading, the audit log has it', { skip }, async () => {
  const reason = 'stuck after the outage, ended for the players';
  const watchPath = `${server.url}/admin/tables/${gameId}/show`;

  // On a wide screen the button sits above the facts; the dialog says what ending does before anything happens.
  const desktop = await openConsole(browser, server.url, DESKTOP);
  await signIn(desktop, operator);
  await desktop.goto(watchPath);
  await desktop.getByTestId('table-status').filter({ hasText: 'Playing' }).waitFor();
  await desktop.getByTestId('action-end-table').click();
  const desktopDialog = desktop.getByTestId('end-table-dialog');
  await desktopDialog.waitFor();
  assert.match(await desktopDialog.innerText(), /deal in play is void/);
  await shown(desktopDialog);
  await screenshot(desktop, 'table-end-dialog-1280x800', { fullPage: false });
  await desktopDialog.getByTestId('action-cancel').click();
  await desktopDialog.waitFor({ state: 'hidden' });

  // On a phone: a reason too short is refused by the form, nothing is sent; a good one ends the table.
  const phone = await openConsole(browser, server.url, PHONE);
  await signIn(phone, operator);
  const endRequests: string[] = [];
  phone.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(`/v4/admin/tables/${gameId}/end`)) endRequests.push(request.url());
  });
  await phone.goto(watchPath);
  await phone.locator('[data-testid="seat-panel"]').nth(3).waitFor();
  await phone.getByTestId('action-end-table').click();
  const dialog = phone.getByTestId('end-table-dialog');
  await dialog.waitFor();
  await dialog.getByTestId('reason-input').fill('no');
  await dialog.getByTestId('action-confirm').click();
  await dialog.getByText('A reason has at least 3 characters.').waitFor();
  assert.equal(await dialog.getByTestId('action-confirm').isDisabled(), true, 'the confirmation waits for a good reason');
  assert.equal(await dialog.getByTestId('reason-input').getAttribute('aria-invalid'), 'true');
  assert.equal(await overflowsHorizontally(phone), false, 'the dialog fits 360 px');
  await shown(dialog);
  await screenshot(phone, 'table-end-dialog-360x640', { fullPage: false });
  assert.deepEqual(endRequests, [], 'a refused reason is never sent');

  const told = guest.realtime.next('GAME_ENDED', () => true, 30_000);
  await dialog.getByTestId('reason-input').fill(reason);
  await dialog.getByTestId('action-confirm').click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(endRequests.length, 1);
  await phone.getByText(/^The table is ended: \d+ completed deals? counts?\.$/).waitFor();

  // The guest's connection is told the game ended early, with the operator's reason.
  const ended = await told;
  assert.equal(ended.payload.gameId, gameId);
  assert.equal(ended.payload.endedEarly?.reason, reason);
  assert.equal(ended.payload.winningTeam, null, 'nobody wins');

  // The page says who ended it and why, offers no second ending, and reads the table no more.
  const alert = phone.getByTestId('watch-ended');
  await alert.waitFor();
  assert.equal(await alert.getAttribute('data-ended-by'), 'operator');
  assert.match(await alert.innerText(), new RegExp(`Ended by an operator: ${reason}`));
  assert.equal(await phone.getByTestId('table-status').innerText(), 'Ended by an operator');
  assert.equal(await phone.getByTestId('action-end-table').count(), 0);
  assert.doesNotMatch(await phone.getByTestId('watch-audited').innerText(), /read again/);
  assert.equal(await phone.locator('[data-testid="seat-panel"][data-to-act="true"]').count(), 0, 'nobody is to play any more');
  const reads: string[] = [];
  phone.on('request', (request) => {
    if (request.method() === 'GET' && request.url().endsWith(`/v4/admin/tables/${gameId}`)) reads.push(request.url());
  });
  await phone.waitForTimeout(5_000);
  assert.deepEqual(reads, [], 'no read in 5 s, where a playing table is read every 2 s');
  assert.equal(await overflowsHorizontally(phone), false, 'the ended page fits 360 px');
  await screenshot(phone, 'table-ended-360x640');

  // Opened afresh, the table shows the same, without reading it again and again.
  await desktop.goto(watchPath);
  await desktop.getByTestId('watch-ended').filter({ hasText: reason }).waitFor();
  assert.match(await desktop.getByTestId('table-deals-completed').innerText(), /^\d+$/);
  await screenshot(desktop, 'table-ended-1280x800');

  // The ending is audited under the operator's name, from the game's end (a moment after it).
  const token = await accessToken(server, operator);
  const [entry] = await eventually('the audit entry of the ending', () => auditEntries(token, 'table.end', gameId), (entries) => entries.length > 0);
  assert.equal(entry.reason, reason);
  assert.equal(entry.actor_id, operator.userId);
  assert.equal(entry.actor_name, operator.username);
});
