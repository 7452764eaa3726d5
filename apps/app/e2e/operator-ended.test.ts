import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ChildServer, grantStaffRole } from '@guandan/server/child-server';
import type { Browser } from 'playwright-core';
import { handCards, newPlayer, openApp, register, screenshot } from './support/app-page';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { startPlatform } from './support/platform';

const skip = skipWithoutChromium();
const REASON = 'the table stopped answering';

/** Calls the platform's API with JSON, failing the test on a refusal. */
async function api<T>(platform: ChildServer, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(`${platform.url}/v4${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('a table the operators end', { skip }, () => {
  let platform: ChildServer;
  let browser: Browser;

  before(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  test('the player sees it ended, why, and that the completed deals count (on a phone)', { timeout: 180_000 }, async () => {
    const page = await openApp(browser, platform.url);
    await page.setViewportSize({ width: 390, height: 844 });
    const player = newPlayer('ended');
    await register(page, player);
    await page.getByTestId('lobby-quick').click();
    await page.getByTestId('table-screen').waitFor({ timeout: 30_000 });
    await handCards(page).first().waitFor();

    const operator = newPlayer('oper');
    await api(platform, 'POST', '/auth/register', undefined, { email: operator.email, username: operator.username, password: operator.password, birth_date: operator.birthDate });
    await grantStaffRole(platform, operator.email, 'operator');
    const { jwt: token } = await api<{ jwt: string }>(platform, 'POST', '/auth/login', undefined, { email: operator.email, password: operator.password });
    const tables = await api<{ items: { game_id: string; seats: { username: string }[] }[] }>(platform, 'GET', '/admin/tables', token);
    const table = tables.items.find((candidate) => candidate.seats.some((seat) => seat.username === player.username));
    assert.ok(table !== undefined, 'the player\'s table is listed for the operator');
    await api(platform, 'POST', `/admin/tables/${table.game_id}/end`, token, { reason: REASON });

    await page.getByTestId('result-screen').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('result-outcome').innerText(), '中止');
    assert.match(await page.getByTestId('result-ended-early').innerText(), new RegExp(`管理员.*${REASON}.*作废`));
    assert.equal(await page.getByTestId('result-order').count(), 0, 'no placings: no deal was completed');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'the result fits the phone\'s width');
    await screenshot(page, 'result-ended-by-operators-390x844');
  });
});
