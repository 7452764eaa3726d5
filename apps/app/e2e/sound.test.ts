import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChildServer } from '@guandan/server/child-server';
import type { Browser, Page } from 'playwright-core';
import { CUES } from '../src/sound/cues';
import { MUTED_KEY } from '../src/sound/mute-key';
import { translate } from '../src/i18n/strings';
import { handCards, quickMatchAsGuest, screenshot } from './support/app-page';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { startPlatform } from './support/platform';

const skip = skipWithoutChromium();
const SOUND_FILE = /\/sounds\/[\w-]+\.mp3$/;

/** What the page did with sound: the cue files it asked for, the sounds it started, and anything that went wrong. */
interface Watch {
  requested: string[];
  problems: string[];
}

/** Counts every sound the page starts (Web Audio buffer sources), without changing what they do. */
function countSoundStarts(): void {
  const counted = window as unknown as { soundStarts: number };
  counted.soundStarts = 0;
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: Parameters<typeof start>) {
    counted.soundStarts += 1;
    return start.apply(this, args);
  };
}

const soundStarts = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { soundStarts: number }).soundStarts);

async function watchedPage(browser: Browser, url: string): Promise<{ page: Page; watch: Watch }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' });
  await context.addInitScript(countSoundStarts);
  const page = await context.newPage();
  const watch: Watch = { requested: [], problems: [] };
  page.on('request', (request) => {
    if (SOUND_FILE.test(new URL(request.url()).pathname)) watch.requested.push(new URL(request.url()).pathname);
  });
  page.on('response', (response) => {
    if (SOUND_FILE.test(new URL(response.url()).pathname) && response.status() >= 400) watch.problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watch.problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => watch.problems.push(`page error: ${error.message}`));
  await page.goto(url);
  return { page, watch };
}

/** Waits until every cue file was asked for since `from` (an index into the requests). */
async function allCuesRequested(page: Page, watch: Watch, from: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (CUES.some((cue) => !watch.requested.slice(from).includes(`/sounds/${cue}.mp3`))) {
    assert.ok(Date.now() < deadline, `cue files requested: ${watch.requested.slice(from).join(', ')}`);
    await page.waitForTimeout(200);
  }
}

describe('sound in the browser', { skip }, () => {
  let platform: ChildServer;
  let browser: Browser;

  before(async () => {
    // Slow bots: the player's turn comes while the test is still looking at it.
    platform = await startPlatform({ BOT_DELAY_MS: '300' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  test('loads after the first interaction, plays, and the mute switch outlives a reload', { timeout: 300_000 }, async () => {
    const { page, watch } = await watchedPage(browser, platform.url);
    await page.getByTestId('auth-guest').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    assert.deepEqual(watch.requested, [], 'no sound is fetched during the first page load');

    await quickMatchAsGuest(page, 60_000);
    await allCuesRequested(page, watch, 0);

    // The browser can decode what the server sends.
    const seconds = await page.evaluate(async () => {
      const data = await (await fetch('/sounds/bomb-4.mp3')).arrayBuffer();
      return (await new OfflineAudioContext(1, 44_100, 44_100).decodeAudioData(data)).duration;
    });
    assert.ok(seconds > 0.5 && seconds < 1.5, `bomb-4 decodes to ${seconds} s`);

    // 托管: the server plays this seat too, so the table keeps moving (and sounding) without the test playing.
    const toggle = page.getByTestId('sound-toggle');
    assert.equal((await toggle.textContent())?.trim(), translate('zh-CN', 'sound.on'));
    await page.getByTestId('table-autoplay').click();
    await handCards(page).first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => (window as unknown as { soundStarts: number }).soundStarts > 0, undefined, { timeout: 60_000 });

    // Muted: the table goes on, silently.
    await toggle.click();
    assert.equal((await toggle.textContent())?.trim(), translate('zh-CN', 'sound.off'));
    assert.equal(await page.evaluate((key) => window.localStorage.getItem(key), MUTED_KEY), '1');
    const startsWhenMuted = await soundStarts(page);
    const cardsWhenMuted = await handCards(page).count();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid^="hand-card-"]').length < count, cardsWhenMuted, { timeout: 60_000 });
    assert.equal(await soundStarts(page), startsWhenMuted, 'nothing sounds while muted, though cards were played');
    await screenshot(page, 'sound-muted');

    // After a reload: back at the table, still muted, and no sound fetched until the player touches the page.
    const beforeReload = watch.requested.length;
    await page.reload();
    await page.getByTestId('table-screen').waitFor({ timeout: 60_000 });
    await toggle.waitFor();
    assert.equal((await toggle.textContent())?.trim(), translate('zh-CN', 'sound.off'), 'the switch remembers');
    await page.waitForTimeout(1500);
    assert.deepEqual(watch.requested.slice(beforeReload), [], 'no sound is fetched after a reload before an interaction');

    // Sound on again: that click is the first gesture, the cues load and the table is heard.
    await toggle.click();
    assert.equal((await toggle.textContent())?.trim(), translate('zh-CN', 'sound.on'));
    assert.equal(await page.evaluate((key) => window.localStorage.getItem(key), MUTED_KEY), '0');
    await allCuesRequested(page, watch, beforeReload);
    await page.waitForFunction(() => (window as unknown as { soundStarts: number }).soundStarts > 0, undefined, { timeout: 60_000 });

    assert.deepEqual(watch.problems, [], 'no console errors, no failed sound requests');
  });
});
