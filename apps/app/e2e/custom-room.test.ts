import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChildServer } from '@guandan/server/child-server';
import { handCards, newPlayer, openApp, playAsGuest, register, screenshot } from './support/app-page';
import type { Browser } from 'playwright-core';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { startPlatform } from './support/platform';

const skip = skipWithoutChromium();

describe('a custom room in the browser', { skip }, () => {
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

  test('a host creates a room, a friend joins by invite code from another browser context, and both sit at the table', { timeout: 180_000 }, async () => {
    const host = await openApp(browser, platform.url);
    const hostPlayer = newPlayer('host');
    await register(host, hostPlayer);
    await host.getByTestId('lobby-create').click();
    await host.getByTestId('custom-create').click();
    await host.getByTestId('room-screen').waitFor();
    const code = ((await host.getByTestId('room-invite-code').textContent()) ?? '').trim();
    assert.match(code, /^[A-Z0-9]{4,12}$/, `an invite code is shown (${code})`);

    const guest = await openApp(browser, platform.url);
    await playAsGuest(guest);
    await guest.getByTestId('lobby-join-code').fill(code);
    await guest.getByTestId('lobby-join').click();
    await guest.getByTestId('room-screen').waitFor();
    assert.equal(((await guest.getByTestId('room-invite-code').textContent()) ?? '').trim(), code, 'the guest is in the host\'s room');
    await guest.getByText(hostPlayer.username).first().waitFor();
    await host.getByTestId('room-seat-1').or(host.getByTestId('room-seat-2')).or(host.getByTestId('room-seat-3')).first().waitFor();
    await screenshot(host, 'custom-room');

    await host.getByTestId('room-fill-bots').click();
    await host.getByTestId('room-ready').click();
    await guest.getByTestId('room-ready').click();
    await host.getByTestId('table-screen').waitFor({ timeout: 30_000 });
    await guest.getByTestId('table-screen').waitFor({ timeout: 30_000 });
    await handCards(host).first().waitFor();
    await handCards(guest).first().waitFor();
    assert.equal(await handCards(host).count(), 27);
    assert.equal(await handCards(guest).count(), 27);
    const hostHand = await handCards(host).evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-label')));
    const guestHand = await handCards(guest).evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-label')));
    assert.notDeepEqual(hostHand, guestHand, 'each player sees their own hand');
    await screenshot(guest, 'custom-room-table');

    // The guest reports the host from the table's chat: the host is the one person to choose, the bots are not.
    await guest.getByTestId('table-chat').click();
    await guest.getByTestId('chat-report').click();
    await guest.getByTestId('report-dialog').waitFor();
    const choices = guest.getByTestId('report-who').getByRole('radio');
    assert.equal(await choices.count(), 1);
    assert.match((await choices.first().getAttribute('aria-label')) ?? '', new RegExp(hostPlayer.username));
    await guest.getByTestId('report-category-abuse').click();
    await guest.getByTestId('report-note').fill('insults in the chat');
    await guest.getByTestId('report-send').click();
    await guest.getByTestId('report-sent').waitFor();
    await screenshot(guest, 'custom-room-report');
    await guest.getByTestId('report-close').click();
    await guest.getByTestId('report-dialog').waitFor({ state: 'detached' });
  });
});
