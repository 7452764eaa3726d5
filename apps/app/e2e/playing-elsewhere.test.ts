import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChildServer } from '@guandan/server/child-server';
import type { Browser } from 'playwright-core';
import { openApp, playAsGuest, screenshot } from './support/app-page';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { startPlatform } from './support/platform';

const skip = skipWithoutChromium();

describe('one account in two windows, beyond the socket cap', { skip }, () => {
  let platform: ChildServer;
  let browser: Browser;

  before(async () => {
    // One socket per account, so a second window of the same session is one too many.
    platform = await startPlatform({ REALTIME_SOCKETS_PER_USER: '1', CHAIN: 'off' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  test('the older window says it is playing elsewhere and does not fight back; "play here" takes the place back', { timeout: 120_000 }, async () => {
    const phone = await openApp(browser, platform.url);
    await phone.setViewportSize({ width: 360, height: 640 });
    await playAsGuest(phone);
    assert.equal(await phone.getByTestId('playing-elsewhere').count(), 0);

    // A second window of the same browser profile: the same stored session, its own socket.
    const desktop = await phone.context().newPage();
    await desktop.goto(platform.url);
    await desktop.getByTestId('lobby-screen').waitFor();
    await phone.getByTestId('playing-elsewhere').waitFor({ timeout: 15_000 });
    await screenshot(phone, 'playing-elsewhere-360x640');

    // Had the older window reconnected by itself, the newer one would have been closed in turn by now.
    await phone.waitForTimeout(2000);
    assert.equal(await desktop.getByTestId('playing-elsewhere').count(), 0, 'the newer window keeps its connection');

    await phone.getByTestId('play-here').click();
    await desktop.getByTestId('playing-elsewhere').waitFor({ timeout: 15_000 });
    assert.equal(await phone.getByTestId('playing-elsewhere').count(), 0, 'the window that took its place back is playing');
    await screenshot(desktop, 'playing-elsewhere-1280x720');
    await desktop.setViewportSize({ width: 640, height: 360 });
    await screenshot(desktop, 'playing-elsewhere-640x360');
  });
});
