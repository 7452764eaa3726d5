import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SESSION_ENDED_CLOSE_CODE } from '@guandan/protocol';
import type { ChildServer } from '@guandan/server/child-server';
import type { Browser } from 'playwright-core';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { openConsole, openPlayer, runAction, screenshot, signIn } from './support/console-page';
import { type Account, loginOutcome, newAccount, startPlatform } from './support/platform';
import { openPlayerApp, socketCloses, socketOpened, submitAppSignIn } from './support/player-app';

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
  player = await newAccount(server, 'cheat');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('an operator bans a player at the lobby: their socket closes, the app says why, and signing in again is refused', { skip }, async () => {
  const app = await openPlayerApp(browser, server.url);
  await submitAppSignIn(app, player);
  await app.getByTestId('lobby-screen').waitFor();
  await socketOpened(app);

  const desk = await openConsole(browser, server.url);
  await signIn(desk, operator);
  await openPlayer(desk, server.url, player.username);
  await runAction(desk, 'ban', 'cheating with a second account');
  await desk.locator('[data-testid="standing-chip"][data-kind="banned"]').first().waitFor();
  await desk.getByTestId('tab-sanctions').click();
  const sanction = desk.getByTestId('sanction-row').first();
  assert.equal(await sanction.getAttribute('data-kind'), 'ban');
  assert.equal(await sanction.getAttribute('data-status'), 'active');
  await screenshot(desk, 'ban-console');

  // The server closes the player's socket with the session-ended code and the reason; the app goes back to sign-in.
  await app.waitForFunction((code) => (window.socketCloses ?? []).some((close) => close.code === code), SESSION_ENDED_CLOSE_CODE);
  const closes = await socketCloses(app);
  assert.ok(
    closes.some((close) => close.code === SESSION_ENDED_CLOSE_CODE && close.reason === 'ACCOUNT_BANNED'),
    `closes: ${JSON.stringify(closes)}`,
  );
  await app.getByTestId('auth-screen').waitFor();
  await app.getByTestId('auth-error').filter({ hasText: /banned/i }).waitFor();
  await screenshot(app, 'ban-player-app');

  // Signing in again is refused, in the app and by the API.
  const refused = app.waitForResponse((response) => response.url().endsWith('/v4/auth/login'));
  await submitAppSignIn(app, player);
  assert.equal((await refused).status(), 403);
  await app.getByTestId('auth-error').filter({ hasText: /banned/i }).waitFor();
  assert.equal(await app.getByTestId('lobby-screen').count(), 0);
  assert.deepEqual(await loginOutcome(server, player), { status: 403, code: 'ACCOUNT_BANNED' });
});
