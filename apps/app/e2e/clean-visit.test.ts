import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChildServer } from '@guandan/server/child-server';
import type { Browser, Page } from 'playwright-core';
import { EMOJIS } from '@guandan/protocol';
import { type Lang, translate } from '../src/i18n/strings';
import { newPlayer, nextTurn, register, screenshot, takeTurnByHint } from './support/app-page';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { startPlatform } from './support/platform';

const skip = skipWithoutChromium();

/** Everything a visit shows in the console or the network panel that a player (or a developer) would see as broken. */
interface Trouble {
  problems: string[];
}

/** A fresh browser profile in `locale` (navigator.languages and Accept-Language), watched for errors. */
async function visit(browser: Browser, url: string, locale: string): Promise<{ page: Page; trouble: Trouble }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale });
  const page = await context.newPage();
  const trouble: Trouble = { problems: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') trouble.problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => trouble.problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => trouble.problems.push(`failed request: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400) trouble.problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  await page.goto(url);
  return { page, trouble };
}

/** The chat's emoji drawn as glyphs: the emoji font was needed and loaded, and no two emoji look alike (empty boxes all do). */
async function assertEmojiDrawn(page: Page, name: string): Promise<void> {
  await page.getByTestId('table-chat').click();
  await page.getByTestId(`emoji-${EMOJIS.length - 1}`).waitFor();
  // Chromium loads a face only when text on the page needs one of its glyphs: here, with no emoji font on the system.
  await page.waitForFunction(() => document.fonts.status === 'loaded');
  const faces = await page.evaluate(() => {
    const all: string[] = [];
    document.fonts.forEach((face) => all.push(`${face.family}:${face.status}`));
    return all;
  });
  assert.ok(faces.includes('GuandanEmoji:loaded'), `the emoji font loaded: ${faces.join(', ')}`);
  await screenshot(page, `clean-visit-${name}-chat`);
  const shots = await Promise.all(EMOJIS.map((_, index) => page.getByTestId(`emoji-${index}`).screenshot()));
  const distinct = new Set(shots.map((shot) => shot.toString('base64')));
  assert.equal(distinct.size, EMOJIS.length, 'every emoji button looks different (empty boxes would look alike)');
  await page.getByTestId('table-chat').click();
}

describe('a normal visit is clean, in the browser language', { skip }, () => {
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

  test('the site icon is served', async () => {
    const response = await fetch(`${platform.url}/favicon.ico`);
    assert.equal(response.status, 200);
    const icon = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([icon.readUInt16LE(0), icon.readUInt16LE(2)], [0, 1], 'an ICO file');
  });

  for (const [locale, lang] of [
    ['en-US', 'en'],
    ['zh-CN', 'zh-CN'],
  ] as const satisfies readonly (readonly [string, Lang])[]) {
    test(`${locale}: register, lobby, a deal at the table with the chat's emoji, the wallet: no errors, ${lang} throughout`, { timeout: 600_000 }, async () => {
      const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
      const { page, trouble } = await visit(browser, platform.url, locale);
      const name = locale.toLowerCase();

      await page.getByTestId('auth-password').waitFor({ timeout: 30_000 });
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang, 'the page is marked with the language shown');
      await register(page, newPlayer(`cv${lang === 'en' ? 'e' : 'z'}`));
      assert.ok((await page.getByTestId('lobby-quick').innerText()).includes(t('lobby.quick')), 'the lobby speaks the browser language');
      // The lobby asks for the player's current room at once: wait for the answer before judging the console.
      await page.waitForLoadState('networkidle');
      await screenshot(page, `clean-visit-${name}-lobby`);

      await page.getByTestId('lobby-quick').click();
      await page.getByTestId('table-screen').waitFor({ timeout: 60_000 });
      assert.equal(await page.getByTestId('table-chat').innerText(), t('chat'));
      await assertEmojiDrawn(page, name);
      // From the table the way a player goes: the deal to its end, then back to the lobby.
      while (await nextTurn(page, 120_000)) await takeTurnByHint(page);
      await page.getByTestId('result-screen').waitFor();
      await screenshot(page, `clean-visit-${name}-result`);
      await page.getByTestId('result-continue').click();
      await page.getByTestId('lobby-screen').waitFor();

      await page.getByTestId('nav-wallet').click();
      await page.getByTestId('wallet-screen').waitFor();
      await page.getByTestId('wallet-connect').waitFor({ timeout: 30_000 });
      // The test platform runs without a chain (CHAIN=off): the pending PLAY waits for it, and says so.
      await page.getByText(t('token.pending.noChain')).waitFor();
      assert.equal(await page.getByText(t('token.pending.about')).count(), 0, 'no "on its way to the chain" without a wallet');
      await page.waitForLoadState('networkidle');
      await screenshot(page, `clean-visit-${name}-wallet`);

      assert.deepEqual(trouble.problems, [], 'no console errors, no failed requests');
      await page.context().close();
    });
  }
});
