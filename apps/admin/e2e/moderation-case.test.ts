import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ChildServer } from '@guandan/server/child-server';
import type { Browser } from 'playwright-core';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { openConsole, overflowsHorizontally, PHONE, runAction, screenshot, signIn } from './support/console-page';
import { closeGuests, connectedGuest, customTable, type Guest, say } from './support/guests';
import { type Account, newAccount, startPlatform } from './support/platform';

const skip = skipWithoutChromium();
const INSULT = 'you play like a bot';
let server: ChildServer;
let browser: Browser;
let moderator: Account;
let operator: Account;
let guests: Guest[];
let gameId: string;
/** A report of the insult from the table, and another case that stays open. */
let filed: { case_id: string };
let other: { case_id: string };

const caseRow = (caseId: string) => `[data-testid="case-row"][data-case-id="${caseId}"]`;

before(async () => {
  if (skip) return;
  server = await startPlatform();
  browser = await launchBrowser();
  moderator = await newAccount(server, 'mod', 'moderator');
  operator = await newAccount(server, 'oper', 'operator');
  // Four players at a real table; one insults the table in its chat.
  guests = await Promise.all(['rude', 'calm', 'host', 'quiet'].map((name) => connectedGuest(server, name)));
  gameId = await customTable(guests);
  await say(guests[0], guests[1], INSULT);
  await say(guests[1], guests[0], 'please keep it friendly');
  const [rude, calm, host, quiet] = guests;
  // As the app's report button does (POST /v4/reports), the game attached so its chat goes with the report.
  filed = await calm.rest.report({ user_id: rude.userId, category: 'abuse', note: 'insults at the table', game_id: gameId });
  other = await host.rest.report({ user_id: quiet.userId, category: 'name', note: 'a rude name', game_id: null });
});

after(async () => {
  closeGuests();
  await browser?.close();
  await server?.stop();
});

test('a moderator works a report from the table to its outcome: evidence, a mute, the case closed and audited', { skip }, async () => {
  const [rude, calm] = guests;

  const page = await openConsole(browser, server.url);
  await signIn(page, moderator);
  await page.getByRole('menuitem', { name: /moderation queue/i }).click();
  await page.locator(caseRow(filed.case_id)).click();

  // The evidence: the game's chat, the subject's line marked.
  await page.getByTestId('case-show').waitFor();
  assert.equal(await page.getByTestId('case-category').innerText(), 'Abuse');
  assert.match(await page.getByTestId('case-note').innerText(), /insults at the table/);
  assert.match(await page.getByTestId('case-game').innerText(), new RegExp(gameId));
  const line = page.locator('[data-testid="chat-line"][data-by-subject="true"]').filter({ hasText: INSULT });
  await line.waitFor();
  await page.locator('[data-testid="chat-line"][data-by-subject="false"]').filter({ hasText: 'please keep it friendly' }).waitFor();
  assert.match(await line.innerText(), new RegExp(rude.username));
  assert.equal(await page.getByTestId('case-reporter-link').innerText(), calm.username);
  await screenshot(page, 'case-evidence');

  // To the subject's page, where the sanctions are: a mute for a day.
  await page.getByTestId('case-subject-link').filter({ hasText: rude.username }).click();
  await page.getByTestId('user-name').filter({ hasText: rude.username }).waitFor();
  await runAction(page, 'mute', 'insults in the table chat', async () => {
    await page.getByTestId('end-preset-1d').click();
  });
  await page.locator('[data-testid="standing-chip"][data-kind="muted"]').first().waitFor();

  // Back to the case through the player's cases, and closed as actioned with the outcome.
  await page.getByTestId('tab-cases').click();
  await page.locator(`[data-testid="user-case-row"][data-case-id="${filed.case_id}"]`).click();
  await page.getByTestId('case-show').waitFor();
  await runAction(page, 'resolve-actioned', 'muted for a day for insults at the table');
  await page.locator('[data-testid="case-show"] [data-testid="case-status"][data-status="actioned"]').waitFor();
  assert.equal(await page.getByTestId('case-outcome').innerText(), 'muted for a day for insults at the table');
  await page.getByTestId('case-resolver').filter({ hasText: moderator.username }).waitFor();
  assert.equal(await page.getByTestId('action-resolve-actioned').count(), 0, 'a closed case cannot be closed again');
  await screenshot(page, 'case-actioned');

  // The open queue no longer holds it (once read again: the list first shows what it read before); the other case
  // is still there.
  await page.getByRole('menuitem', { name: /moderation queue/i }).click();
  await page.waitForFunction(([gone, stays]) => document.querySelector(gone) === null && document.querySelector(stays) !== null, [caseRow(filed.case_id), caseRow(other.case_id)]);
  await screenshot(page, 'case-queue');

  // An operator reads the closing in the audit log, from the case page.
  const desk = await openConsole(browser, server.url);
  await signIn(desk, operator);
  await desk.goto(`${server.url}/admin/cases/${filed.case_id}/show`);
  await desk.getByTestId('case-audit-link').click();
  const entry = desk.locator('tr', { has: desk.getByTestId('audit-action').filter({ hasText: 'case.actioned' }) }).first();
  await entry.waitFor();
  assert.equal(await entry.getByTestId('audit-actor').innerText(), moderator.username);
  assert.match(await entry.innerText(), /muted for a day for insults at the table/);
  await screenshot(desk, 'case-audit');
});

test('the queue and a case page fit 360x640', { skip }, async () => {
  const page = await openConsole(browser, server.url, PHONE);
  await signIn(page, moderator);
  await page.goto(`${server.url}/admin/cases`);
  await page.locator(caseRow(other.case_id)).waitFor();
  assert.equal(await overflowsHorizontally(page), false, 'the queue');
  await screenshot(page, 'cases-360x640');
  await page.goto(`${server.url}/admin/cases/${filed.case_id}/show`);
  await page.getByTestId('chat-transcript').waitFor();
  assert.equal(await overflowsHorizontally(page), false, 'a case page');
  await screenshot(page, 'case-360x640');
});
