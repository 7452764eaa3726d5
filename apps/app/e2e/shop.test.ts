import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Session, Shop } from '@guandan/protocol';
import type { ChildServer } from '@guandan/server/child-server';
import type { FakeStripe } from '@guandan/server/fake-stripe';
import { RestClient } from '@guandan/sdk';
import type { Browser, Page } from 'playwright-core';
import { translate } from '../src/i18n/strings';
import { STORAGE_KEYS } from '../src/session/storage-keys';
import { formatPrice } from '../src/shop/price';
import { assertFitsAcross, newPlayer, openApp, PHONE, playAsGuest, register, screenshot, SIZES } from './support/app-page';
import { launchBrowser, skipWithoutChromium } from './support/browser';
import { startPlatform, startShopPlatform } from './support/platform';

const skip = skipWithoutChromium();

/** The coins in the top bar ("1,200"), as a number. */
async function topBarCoins(page: Page): Promise<number> {
  return Number((await page.getByTestId('topbar-coins').innerText()).replace(/\D/g, ''));
}

/** The digits and decimal point of a price ("US$9.99", "9.99 USD": "9.99"), to compare two ways of writing it. */
const amountOf = (text: string): string => text.replace(/[^\d.]/g, '');

/** Waits for the top bar to show `coins`. */
async function untilTopBarShows(page: Page, coins: number): Promise<void> {
  await page.waitForFunction((expected) => document.querySelector('[data-testid="topbar-coins"]')?.textContent?.replace(/\D/g, '') === String(expected), coins);
}

async function openShop(page: Page): Promise<void> {
  await page.getByTestId('topbar-shop').click();
  await page.getByTestId('shop-screen').waitFor();
}

describe('the coin shop, paid on the local Stripe page', { skip }, () => {
  let stripe: FakeStripe;
  let platform: ChildServer;
  let browser: Browser;
  let shop: Shop;
  let page: Page;

  /** Presses Buy on a pack and lands on Stripe's page for it: its checkout session's id. */
  async function checkoutOf(on: Page, productId: string): Promise<string> {
    await on.getByTestId(`shop-buy-${productId}`).click();
    await on.waitForURL((url) => url.href.startsWith(`${stripe.url}/pay/`));
    return new URL(on.url()).pathname.split('/').pop() as string;
  }

  before(async () => {
    ({ platform, stripe } = await startShopPlatform());
    shop = (await (await fetch(`${platform.url}/v4/shop`)).json()) as Shop;
    browser = await launchBrowser();
    page = await openApp(browser, platform.url);
    await page.setViewportSize(PHONE);
    await register(page, newPlayer('shop'));
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
    await stripe?.stop();
  });

  test('on a phone: the packs with their prices, Buy, the Stripe page, Pay, and the coins arrive', { timeout: 120_000 }, async () => {
    assert.equal(shop.open, true, 'the platform with Stripe configured has its shop open');
    assert.ok(shop.products.length > 1, 'the default catalogue has several packs');
    const before = await topBarCoins(page);
    await openShop(page);

    for (const product of shop.products) {
      const price = await page.getByTestId(`shop-price-${product.product_id}`).innerText();
      assert.equal(price, formatPrice(product.price_minor, product.currency, 'zh-CN'), `${product.product_id}: its price from the minor units`);
      assert.equal(await page.getByTestId(`shop-coins-${product.product_id}`).innerText(), product.coins.toLocaleString('zh-CN'));
      assert.ok(await page.getByTestId(`shop-buy-${product.product_id}`).isVisible(), `${product.product_id} has a Buy button`);
    }
    const largest = shop.products.reduce((most, product) => (product.coins > most.coins ? product : most));
    assert.equal(await page.locator('[data-testid^="shop-best-"]').count(), 1, 'one pack is marked the best value');
    assert.ok(await page.getByTestId(`shop-best-${largest.product_id}`).isVisible(), 'the largest pack is the best value');
    assert.equal(await page.getByTestId('shop-play-only').innerText(), translate('zh-CN', 'shop.playOnly'));
    assert.equal(await page.getByTestId('shop-receipt-0').count(), 0, 'no receipts before buying');
    await screenshot(page, 'shop-390x844');

    const pack = shop.products[0];
    const appPrice = await page.getByTestId(`shop-price-${pack.product_id}`).innerText();
    await checkoutOf(page, pack.product_id);
    const stripeAmount = await page.getByTestId('fake-stripe-amount').innerText();
    assert.equal(stripeAmount, `${(pack.price_minor / 100).toFixed(2)} ${pack.currency.toUpperCase()}`, 'Stripe was asked for the pack\'s price');
    assert.equal(amountOf(stripeAmount), amountOf(appPrice), 'the app showed the amount Stripe asks for');

    await page.getByTestId('fake-stripe-pay').click();
    await page.getByTestId('shop-screen').waitFor();
    const backAt = new URL(page.url());
    assert.equal(backAt.origin, platform.url, 'back at the platform, by its public address');
    await page.getByTestId('shop-return-arrived').waitFor();
    assert.equal(new URL(page.url()).search, '', 'the purchase is taken off the address once read');
    assert.match(await page.getByTestId('shop-return-arrived').innerText(), new RegExp(`\\+${pack.coins.toLocaleString('zh-CN')}`));
    await untilTopBarShows(page, before + pack.coins);
    await page.getByTestId('shop-receipt-0').waitFor();
    assert.equal(await page.getByTestId('shop-receipt-0-status').innerText(), translate('zh-CN', 'shop.status.paid'));
    assert.equal(await page.getByTestId('shop-receipt-1').count(), 0, 'one purchase, one receipt');
    await screenshot(page, 'shop-paid-390x844');
  });

  test('coins confirmed only after the player is back arrive on the shop that waits for them', { timeout: 120_000 }, async () => {
    const pack = shop.products[1];
    const before = await topBarCoins(page);
    const sessionId = await checkoutOf(page, pack.product_id);
    // Paid, but Stripe's event is late: the player is back before it.
    const { eventId } = await stripe.pay(sessionId, { deliver: false });
    await page.goto(stripe.sessions.get(sessionId)?.success_url as string);
    await page.getByTestId('shop-return-waiting').waitFor();
    assert.equal(await page.getByTestId('shop-return-waiting').innerText(), translate('zh-CN', 'shop.paymentReceived'));
    assert.equal(await topBarCoins(page), before, 'no coins before the provider confirms the payment');
    await page.getByTestId('shop-receipt-0-status').waitFor();
    assert.equal(await page.getByTestId('shop-receipt-0-status').innerText(), translate('zh-CN', 'shop.status.pending'));
    await screenshot(page, 'shop-waiting-390x844');

    const delivery = await stripe.deliver(eventId);
    assert.equal(delivery.status, 200, delivery.body);
    await page.getByTestId('shop-return-arrived').waitFor();
    assert.match(await page.getByTestId('shop-return-arrived').innerText(), new RegExp(`\\+${pack.coins.toLocaleString('zh-CN')}`));
    await untilTopBarShows(page, before + pack.coins);
    await page.waitForFunction((paid) => document.querySelector('[data-testid="shop-receipt-0-status"]')?.textContent === paid, translate('zh-CN', 'shop.status.paid'));
  });

  test('coins confirmed while the player is on another page reach the top bar (PURCHASE_COMPLETED)', { timeout: 60_000 }, async () => {
    const pack = shop.products[0];
    const before = await topBarCoins(page);
    await page.getByTestId('nav-lobby').click();
    await page.getByTestId('lobby-screen').waitFor();
    // Bought from elsewhere (the player's other device, say) with this page's session, so that the page stays open
    // with its socket: the lobby reads nothing of the shop, only the realtime message can bring the coins there.
    const rest = new RestClient({ baseUrl: platform.url });
    rest.useSession(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEYS.session)) as string) as Session);
    const checkout = await rest.checkout(pack.product_id);
    const sessionId = new URL(checkout.checkout_url).pathname.split('/').pop() as string;
    assert.equal((await stripe.pay(sessionId)).delivery?.status, 200);
    await untilTopBarShows(page, before + pack.coins);
    assert.equal(await page.getByTestId('lobby-screen').count(), 1, 'still in the lobby');
    const receipts = await rest.purchases(1, 1);
    assert.equal(receipts.items[0].purchase_id, checkout.purchase_id);
    assert.equal(receipts.items[0].status, 'paid');
    await openShop(page);
  });

  test('a payment cancelled on the Stripe page says so and gives nothing', { timeout: 60_000 }, async () => {
    const before = await topBarCoins(page);
    const sessionId = await checkoutOf(page, shop.products[1].product_id);
    await page.getByTestId('fake-stripe-cancel').click();
    await page.getByTestId('shop-return-cancelled').waitFor();
    assert.equal(await page.getByTestId('shop-return-cancelled').innerText(), translate('zh-CN', 'shop.cancelled'));
    assert.equal(new URL(page.url()).search, '', 'the cancelled return is taken off the address too');
    assert.equal(await topBarCoins(page), before, 'a cancelled payment gives no coins');
    // Given up, the checkout is closed at Stripe (it can no longer be paid) and stops counting against limits.
    await page.getByTestId('shop-receipt-0-status').filter({ hasText: translate('zh-CN', 'shop.status.expired') }).waitFor();
    assert.equal(stripe.sessions.get(sessionId)?.status, 'expired');
  });

  test('a guest gives a date of birth once, then buys', { timeout: 60_000 }, async () => {
    const guest = await openApp(browser, platform.url);
    await guest.setViewportSize(PHONE);
    await playAsGuest(guest);
    await openShop(guest);
    const product = shop.products[0].product_id;
    await guest.getByTestId(`shop-buy-${product}`).click();
    await guest.getByTestId('shop-birth-date').waitFor();
    assert.equal(await guest.getByTestId('shop-error').innerText(), translate('zh-CN', 'error.AGE_REQUIRED'));
    await guest.getByTestId('shop-birth-date-input').fill('1990-13-01');
    await guest.getByTestId('shop-birth-date-give').click();
    assert.equal(await guest.getByTestId('shop-birth-date-problem').innerText(), translate('zh-CN', 'auth.badBirthDate'));
    await guest.getByTestId('shop-birth-date-input').fill('1990-04-01');
    await screenshot(guest, 'shop-birth-date-390x844');
    await guest.getByTestId('shop-birth-date-give').click();
    await guest.getByTestId('shop-birth-date').waitFor({ state: 'detached' });
    await checkoutOf(guest, product);
    await guest.close();
  });

  test('fits every screen from a small phone to a desktop, in both languages', { timeout: 120_000 }, async () => {
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await page.getByTestId('lang-toggle').click();
      await page.getByTestId('shop-screen').waitFor();
      for (const size of SIZES) {
        await page.setViewportSize(size);
        const where = `${lang} at ${size.width}x${size.height}`;
        await page.getByTestId(`shop-buy-${shop.products[0].product_id}`).waitFor();
        await assertFitsAcross(page, 'shop-screen', where);
        await screenshot(page, `shop-${lang}-${size.width}x${size.height}`);
      }
    }
  });
});

describe('the coin shop where no payments are configured', { skip }, () => {
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

  test('says the shop is closed and offers nothing to buy', { timeout: 60_000 }, async () => {
    const page = await openApp(browser, platform.url);
    await page.setViewportSize(PHONE);
    await register(page, newPlayer('closed'));
    await openShop(page);
    await page.getByTestId('shop-closed').waitFor();
    assert.equal(await page.getByTestId('shop-closed').innerText(), translate('zh-CN', 'shop.closed'));
    assert.equal(await page.locator('[data-testid^="shop-buy-"]').count(), 0, 'no Buy buttons');
    assert.ok(await page.getByTestId('shop-play-only').isVisible());
    await page.getByTestId('shop-receipts').getByText(translate('zh-CN', 'shop.noReceipts')).waitFor();
    await assertFitsAcross(page, 'shop-screen', 'closed at 390x844');
    await screenshot(page, 'shop-closed-390x844');
  });
});
