import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Product, Session, Shop } from '@guandan/protocol';
import type { ChildServer } from '@guandan/server/child-server';
import type { FakeStripe } from '@guandan/server/fake-stripe';
import { RestClient } from '@guandan/sdk';
import type { Browser, Page } from 'playwright-core';
import { type StringKey, translate } from '../src/i18n/strings';
import { STORAGE_KEYS } from '../src/session/storage-keys';
import { formatExclusionDate, formatLimitDate } from '../src/shop/limit-date';
import { formatPrice } from '../src/shop/price';
import { assertFitsAcross, newPlayer, openApp, PHONE, register, screenshot, SIZES } from './support/app-page';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { startShopPlatform } from './support/platform';

const skip = skipWithoutChromium();

const HOUR_MS = 60 * 60 * 1000;

const zh = (key: StringKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);

/** The text of an element once it shows `expected` (the screen answers after the server does). */
async function untilText(page: Page, testId: string, expected: string): Promise<void> {
  await page.waitForFunction(([id, text]) => document.querySelector(`[data-testid="${id}"]`)?.textContent === text, [testId, expected] as const);
}

describe('responsible play: spending limits and self-exclusion, from the shop', { skip }, () => {
  let stripe: FakeStripe;
  let platform: ChildServer;
  let browser: Browser;
  let page: Page;
  let pack: Product;
  /** The player's own API access, with the page's session, to read what the server holds. */
  let rest: RestClient;
  const usd = (minor: number) => formatPrice(minor, 'usd', 'zh-CN');

  before(async () => {
    ({ platform, stripe } = await startShopPlatform());
    const shop = (await (await fetch(`${platform.url}/v4/shop`)).json()) as Shop;
    const cheapest = shop.products.find((product) => product.price_minor === 99 && product.currency === 'usd');
    assert.ok(cheapest !== undefined, 'the default catalogue sells a pack at $0.99');
    pack = cheapest;
    browser = await launchBrowser();
    page = await openApp(browser, platform.url);
    await page.setViewportSize(PHONE);
    await register(page, newPlayer('limits'));
    rest = new RestClient({ baseUrl: platform.url });
    rest.useSession(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEYS.session)) as string) as Session);
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
    await stripe?.stop();
  });

  test('a day limit of $1.50 is in force at once; a pack of $0.99 is bought; a second is refused over the limit', { timeout: 120_000 }, async () => {
    await page.getByTestId('topbar-shop').click();
    await page.getByTestId('shop-screen').waitFor();
    await page.getByTestId('shop-limits').click();
    await page.getByTestId('limits-screen').waitFor();
    for (const period of ['day', 'week', 'month'] as const) assert.equal(await page.getByTestId(`limits-${period}-limit`).innerText(), zh('limits.none'), `no ${period} limit yet`);
    assert.equal(await page.getByTestId('limits-explain').innerText(), zh('limits.explain', { n: 72 }), 'the cooling-off, from the server');

    // More decimals than dollars have is refused on the spot, and nothing is sent.
    await page.getByTestId('limits-day-input').fill('1.505');
    await page.getByTestId('limits-day-set').click();
    assert.equal(await page.getByTestId('limits-day-problem').innerText(), zh('limits.problem.decimals', { n: 2 }));
    assert.equal((await rest.responsiblePlay()).limits.find((limit) => limit.period === 'day')?.limit_minor, null);

    await page.getByTestId('limits-day-input').fill('1.50');
    await page.getByTestId('limits-day-set').click();
    await untilText(page, 'limits-day-limit', zh('limits.inForce', { amount: usd(150) }));
    assert.equal(await page.getByTestId('limits-day-pending').count(), 0, 'a first limit is in force at once, nothing waits');
    assert.equal(await page.getByTestId('limits-day-left').innerText(), zh('limits.left', { amount: usd(150) }));
    assert.equal(await page.getByTestId('limits-day-input').inputValue(), '', 'the field empties once the limit is set');
    const day = (await rest.responsiblePlay()).limits.find((limit) => limit.period === 'day');
    assert.deepEqual({ limit: day?.limit_minor, pending: day?.pending }, { limit: 150, pending: null }, 'the server holds 150 cents');
    await screenshot(page, 'limits-set-390x844');

    await page.getByTestId('limits-back').click();
    await page.getByTestId('shop-screen').waitFor();
    await page.getByTestId(`shop-buy-${pack.product_id}`).click();
    await page.waitForURL((url) => url.href.startsWith(`${stripe.url}/pay/`));
    await page.getByTestId('fake-stripe-pay').click();
    await page.getByTestId('shop-return-arrived').waitFor();

    await page.getByTestId(`shop-buy-${pack.product_id}`).click();
    await untilText(page, 'shop-error', zh('error.SPENDING_LIMIT'));
    assert.equal(new URL(page.url()).origin, platform.url, 'still on the platform: no payment page for a refused checkout');
    assert.ok(await page.getByTestId('shop-error-limits').isVisible(), 'the refusal links to the limits');
    await screenshot(page, 'limits-refused-390x844');

    await page.getByTestId('shop-error-limits').click();
    await page.getByTestId('limits-screen').waitFor();
    await untilText(page, 'limits-day-spent', zh('limits.spent', { amount: usd(99) }));
    assert.equal(await page.getByTestId('limits-day-left').innerText(), zh('limits.left', { amount: usd(51) }));
  });

  test('raising the limit to $10.00 waits 72 hours and says from when', { timeout: 60_000 }, async () => {
    const asked = Date.now();
    await page.getByTestId('limits-day-input').fill('10.00');
    await page.getByTestId('limits-day-set').click();
    await page.getByTestId('limits-day-pending').waitFor();
    const pending = (await rest.responsiblePlay()).limits.find((limit) => limit.period === 'day')?.pending;
    assert.equal(pending?.limit_minor, 1000);
    const from = Date.parse(pending?.from ?? '');
    assert.ok(Math.abs(from - (asked + 72 * HOUR_MS)) < 60_000, `the raise is in force 72 hours on (${pending?.from})`);
    assert.equal(await page.getByTestId('limits-day-pending').innerText(), zh('limits.pendingRaise', { amount: usd(1000), date: formatLimitDate(pending?.from ?? '', 'zh-CN') }));
    assert.equal(await page.getByTestId('limits-day-limit').innerText(), zh('limits.inForce', { amount: usd(150) }), 'the lower limit stays in force meanwhile');
    await screenshot(page, 'limits-pending-390x844');
  });

  test('self-exclusion for 7 days, confirmed in a dialog, closes the Buy buttons', { timeout: 60_000 }, async () => {
    await page.getByTestId('exclusion-length-7').click();
    await page.getByTestId('exclusion-start').click();
    await page.getByTestId('exclusion-dialog').waitFor();
    assert.equal(await page.getByTestId('exclusion-final').innerText(), zh('limits.exclusion.confirmFinal'), 'the dialog says it cannot be undone or shortened');
    await assertFitsAcross(page, 'limits-screen', 'the dialog at 390x844');
    await screenshot(page, 'limits-exclusion-dialog-390x844');
    await page.setViewportSize({ width: 844, height: 390 });
    await assertFitsAcross(page, 'limits-screen', 'the dialog at 844x390');
    await screenshot(page, 'limits-exclusion-dialog-844x390');
    await page.setViewportSize(PHONE);

    // Cancelling changes nothing.
    await page.getByTestId('exclusion-cancel').click();
    assert.equal(await page.getByTestId('exclusion-dialog').count(), 0);
    assert.equal((await rest.responsiblePlay()).self_excluded_until, null);

    const asked = Date.now();
    await page.getByTestId('exclusion-start').click();
    await page.getByTestId('exclusion-confirm').click();
    await page.getByTestId('limits-excluded').waitFor();
    const until = (await rest.responsiblePlay()).self_excluded_until;
    assert.ok(until !== null && Math.abs(Date.parse(until) - (asked + 7 * 24 * HOUR_MS)) < 60_000, `excluded for 7 days (${until})`);
    assert.equal(await page.getByTestId('limits-excluded').innerText(), zh('limits.excludedUntil', { date: formatExclusionDate(until, 'zh-CN') }));
    assert.equal(await page.getByTestId('exclusion-dialog').count(), 0, 'the dialog closes');
    await screenshot(page, 'limits-excluded-390x844');

    await page.getByTestId('limits-back').click();
    await page.getByTestId('shop-excluded').waitFor();
    assert.equal(await page.getByTestId('shop-excluded').innerText(), zh('limits.excludedUntil', { date: formatExclusionDate(until, 'zh-CN') }));
    assert.equal(await page.locator('[data-testid^="shop-buy-"]').count(), 0, 'no Buy buttons while excluded');
    await screenshot(page, 'limits-shop-excluded-390x844');
    const refused = await rest.checkout(pack.product_id).catch((error: unknown) => error);
    assert.equal((refused as { code?: string }).code, 'SELF_EXCLUDED', 'the server refuses too');
  });

  test('the limits fit every screen from a small phone to a desktop, in both languages', { timeout: 120_000 }, async () => {
    await page.getByTestId('shop-limits').click();
    await page.getByTestId('limits-screen').waitFor();
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') {
        await page.getByTestId('lang-toggle').click();
        await untilText(page, 'limits-day-limit', translate('en', 'limits.inForce', { amount: formatPrice(150, 'usd', 'en') }));
      }
      for (const size of SIZES) {
        await page.setViewportSize(size);
        const where = `${lang} at ${size.width}x${size.height}`;
        await page.getByTestId('limits-day-set').waitFor();
        await assertFitsAcross(page, 'limits-screen', where);
        await screenshot(page, `limits-${lang}-${size.width}x${size.height}`);
      }
    }
    await page.getByTestId('limits-back').click();
    await page.getByTestId('shop-excluded').waitFor();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await assertFitsAcross(page, 'shop-screen', `the excluded shop at ${size.width}x${size.height}`);
    }
    await screenshot(page, 'limits-shop-excluded-en-1280x720');
  });
});

describe('the shop where paid features are off in the player\'s country', { skip }, () => {
  let stripe: FakeStripe;
  let platform: ChildServer;
  let browser: Browser;

  before(async () => {
    ({ platform, stripe } = await startShopPlatform({ PAID_FEATURES_BLOCKED_COUNTRIES: 'XX', TRUST_PROXY: 'true' }));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
    await stripe?.stop();
  });

  test('says purchases are not available in the country, in both languages', { timeout: 60_000 }, async () => {
    const page = await openApp(browser, platform.url);
    // What the proxy in front would add: the player's country (the platform trusts it here).
    await page.setExtraHTTPHeaders({ 'cf-ipcountry': 'XX' });
    await page.setViewportSize(PHONE);
    await register(page, newPlayer('country'));
    await page.getByTestId('topbar-shop').click();
    await untilText(page, 'shop-closed', zh('shop.closedCountry'));
    assert.equal(await page.locator('[data-testid^="shop-buy-"]').count(), 0, 'no Buy buttons');
    await page.getByTestId('lang-toggle').click();
    await untilText(page, 'shop-closed', translate('en', 'shop.closedCountry'));
    await assertFitsAcross(page, 'shop-screen', 'closed by country at 390x844');
    await screenshot(page, 'shop-closed-country-390x844');
  });
});
