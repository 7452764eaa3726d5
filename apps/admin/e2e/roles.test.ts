import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { ChildServer } from '@guandan/server/child-server';
import type { Browser } from 'playwright-core';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { openConsole, openPlayer, runAction, signIn, submitSignIn } from './support/console-page';
import { type Account, newAccount, startPlatform } from './support/platform';

const skip = skipWithoutChromium();
let server: ChildServer;
let browser: Browser;

before(async () => {
  if (skip) return;
  server = await startPlatform();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a player without a staff role cannot sign in to the console', { skip }, async () => {
  const player: Account = await newAccount(server, 'plain');
  const page = await openConsole(browser, server.url);
  await submitSignIn(page, player);
  await page.getByTestId('login-error').filter({ hasText: /no operator role/i }).waitFor();
  assert.equal(await page.getByTestId('dashboard-role').count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('guandan-admin-session')), null);
  // Another page of the console sends them back to sign in.
  await page.goto(`${server.url}/admin/users`);
  await page.getByTestId('login-email').waitFor();
});

test('a moderator may mute and suspend but sees no ban, sign-out, coin or role action, and no audit log', { skip }, async () => {
  const moderator = await newAccount(server, 'mod', 'moderator');
  const player = await newAccount(server, 'target');
  const page = await openConsole(browser, server.url);
  await signIn(page, moderator);
  assert.equal(await page.getByTestId('operator-role').innerText(), 'Moderator');
  assert.equal(await page.getByTestId('dashboard-audit').count(), 0);

  await openPlayer(page, server.url, player.username);
  await page.getByTestId('user-actions').waitFor();
  assert.equal(await page.getByTestId('action-mute').isVisible(), true);
  assert.equal(await page.getByTestId('action-suspend').isVisible(), true);
  for (const hidden of ['ban', 'sign-out', 'coins', 'role']) assert.equal(await page.getByTestId(`action-${hidden}`).count(), 0, `${hidden} is hidden`);
  assert.equal(await page.getByTestId('user-audit-link').count(), 0);
  assert.equal(await page.getByRole('menuitem', { name: /audit/i }).count(), 0);
});

test('a moderator mutes a player for a day, then lifts the mute', { skip }, async () => {
  const moderator = await newAccount(server, 'mod', 'moderator');
  const player = await newAccount(server, 'noisy');
  const page = await openConsole(browser, server.url);
  await signIn(page, moderator);
  await openPlayer(page, server.url, player.username);
  await runAction(page, 'mute', 'insults in the table chat', async () => {
    await page.getByTestId('end-preset-1d').click();
  });
  await page.locator('[data-testid="standing-chip"][data-kind="muted"]').first().waitFor();

  await page.getByTestId('tab-sanctions').click();
  const mute = page.locator('[data-testid="sanction-row"][data-kind="mute"]');
  assert.equal(await mute.getAttribute('data-status'), 'active');
  await mute.getByTestId('sanction-lift').click();
  const dialog = page.getByTestId('lift-dialog');
  await dialog.getByTestId('reason-input').fill('apologised to the table');
  await dialog.getByTestId('action-confirm').click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('[data-testid="sanction-row"][data-kind="mute"][data-status="lifted"]').waitFor();
  assert.equal(await page.locator('[data-testid="standing-chip"]').count(), 0);
  assert.match(await page.locator('[data-testid="sanction-row"][data-kind="mute"]').innerText(), /apologised to the table/);
});

test('an action refused without a reason stays in its dialog until one is given', { skip }, async () => {
  const moderator = await newAccount(server, 'mod', 'moderator');
  const player = await newAccount(server, 'quiet');
  const page = await openConsole(browser, server.url);
  await signIn(page, moderator);
  await openPlayer(page, server.url, player.username);
  await page.getByTestId('action-mute').click();
  const dialog = page.getByTestId('mute-dialog');
  await dialog.getByTestId('reason-input').fill('no');
  await dialog.getByTestId('action-confirm').click();
  await dialog.getByText('A reason has at least 3 characters.').waitFor();
  assert.equal(await dialog.isVisible(), true);
  await dialog.getByTestId('action-cancel').click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.locator('[data-testid="standing-chip"]').count(), 0);
});

test('an admin sees every action, sets a role, exports the audit log and signs out from the account menu', { skip }, async () => {
  const admin = await newAccount(server, 'boss', 'admin');
  const player = await newAccount(server, 'someone');
  const page = await openConsole(browser, server.url);
  await signIn(page, admin);
  assert.equal(await page.getByTestId('operator-name').innerText(), admin.username);
  await openPlayer(page, server.url, player.username);
  for (const action of ['mute', 'suspend', 'ban', 'sign-out', 'coins', 'role']) assert.equal(await page.getByTestId(`action-${action}`).isVisible(), true, action);

  await runAction(page, 'role', 'joins the moderation team', async () => {
    await page.getByTestId('role-select').selectOption('moderator');
  });
  await page.locator('[data-testid="user-show"] [data-testid="role-chip"][data-role="moderator"]').first().waitFor();

  // The audit log is in the menu, and an admin exports it with the list's filters.
  await page.getByRole('menuitem', { name: /audit/i }).click();
  await page.getByTestId('audit-action').filter({ hasText: 'role.set' }).first().waitFor();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'audit-log.csv');
  const csv = await readFile(await file.path(), 'utf8');
  assert.match(csv.split('\n')[0], /audit_id/);
  assert.match(csv, /role\.set/);
  assert.match(csv, /joins the moderation team/);

  await page.getByTestId('account-menu').click();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('login-email').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('guandan-admin-session')), null);
});
