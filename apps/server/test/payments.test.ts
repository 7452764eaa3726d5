import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  AuditEntrySchema,
  CheckoutSchema,
  CoinBalanceSchema,
  EconomyOverviewSchema,
  pageOf,
  PaymentHoldSchema,
  type Purchase,
  PurchaseSchema,
  type ResponsiblePlay,
  ResponsiblePlaySchema,
  ShopSchema,
  UserSchema,
} from '@guandan/protocol';
import fc from 'fast-check';
import { countryFrom } from '../src/payments/payments-routes.js';
import { limitInForce, NO_LIMIT, requestLimit } from '../src/payments/limit-change.js';
import { coinsToTakeBack } from '../src/payments/take-back.js';
import { call, expectError, expectOk } from './support/accounts.js';
import { FakeStripe } from '../tools/fakes/fake-stripe.js';
import { connectedAdult, connectedPlayer, type TestPlayer } from './support/players.js';
import { skipWithoutPostgres, startTestServer, type StoreKind, type TestServer } from './support/server.js';
import { firstAdmin, type Staff, staffMember } from './support/staff.js';
import { waitFor } from './support/table-play.js';

const STARTING_COINS = 1000;
const PACKS = 'coins_1200:1200:99,coins_6500:6500:499';
const postgresSkip = await skipWithoutPostgres();

describe('taking coins back after a refund', () => {
  test('never more than the purchase gave, all of it for a full refund, and more as more is refunded (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 1_000_000_000 }), (coins, amount, first, second) => {
        const [less, more] = first <= second ? [first, second] : [second, first];
        const taken = coinsToTakeBack(coins, amount, more);
        assert.ok(taken >= 0 && taken <= coins);
        assert.ok(coinsToTakeBack(coins, amount, less) <= taken, 'a larger refund takes at least as much');
        if (more >= amount) assert.equal(taken, coins);
        // Rounded up: the coins kept are never worth more than the money kept.
        if (more < amount) assert.ok(BigInt(coins - taken) * BigInt(amount) <= BigInt(coins) * BigInt(amount - more));
      }),
    );
    assert.equal(coinsToTakeBack(1200, 99, 0), 0);
    assert.equal(coinsToTakeBack(1200, 99, 50), 607);
  });
});

describe('spending limits', () => {
  const HOUR = 3_600_000;
  const limit = fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null });
  /** A limit as a number to compare: no limit is above every number. */
  const level = (value: number | null): number => value ?? Number.POSITIVE_INFINITY;

  test('a lower limit is in force at once; a higher one, or none, only after the cooling-off (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(limit, fc.integer({ min: 0, max: 200 * HOUR })), { maxLength: 12 }), limit, (history, wanted) => {
        const coolingOff = 72 * HOUR;
        let state = NO_LIMIT;
        let now = 0;
        for (const [asked, later] of history) {
          state = requestLimit(state, asked, now, coolingOff);
          now += later;
        }
        const before = limitInForce(state, now);
        const after = requestLimit(state, wanted, now, coolingOff);
        if (level(wanted) <= level(before)) {
          assert.equal(limitInForce(after, now), wanted, 'tightening is in force at once');
          assert.equal(after.pending, null, 'and drops a raise that was waiting');
        } else {
          assert.equal(limitInForce(after, now), before, 'loosening is not in force yet');
          assert.equal(limitInForce(after, now + coolingOff - 1), before, 'nor a moment before the cooling-off ends');
          assert.equal(limitInForce(after, now + coolingOff), wanted, 'and is when it ends');
        }
      }),
    );
  });

  test('the country header counts only behind a trusted proxy', () => {
    const request = { headers: { 'cf-ipcountry': 'kp' } } as unknown as Parameters<ReturnType<typeof countryFrom>>[0];
    assert.equal(countryFrom(null)(request), null);
    assert.equal(countryFrom('cf-ipcountry')(request), 'KP');
    assert.equal(countryFrom('cf-ipcountry')({ headers: { 'cf-ipcountry': 'XX1' } } as unknown as typeof request), null);
  });
});

describe('the shop without a payment provider', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(async () => t.cleanup());

  test('says it is closed, still shows what it would sell, and sells nothing', async () => {
    const shop = expectOk(await call(t, 'GET', '/shop'), ShopSchema);
    assert.deepEqual([shop.open, shop.closed_reason], [false, 'not_configured']);
    assert.ok(shop.products.length > 0);
    const player = await connectedPlayer(t, 'closed');
    expectError(await call(t, 'POST', '/shop/checkout', { token: player.session.jwt, body: { product_id: shop.products[0].product_id } }), 503, 'SHOP_CLOSED');
    const webhook = await fetch(`${t.url}/v4/payments/stripe/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(webhook.status, 503);
  });
});

for (const store of ['sqlite', 'postgres'] satisfies StoreKind[]) {
  describe(`buying coins with Stripe (a local Stripe on its wire contract) on ${store}`, { skip: store === 'postgres' ? postgresSkip : false }, () => {
    const stripe = new FakeStripe();
    let t: TestServer;
    let admin: Staff;
    let operator: Staff;
    before(async () => {
      await stripe.start();
      t = await startTestServer({
        store,
        env: {
          PAYMENTS: 'stripe',
          STRIPE_SECRET_KEY: stripe.secretKey,
          STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
          STRIPE_API_URL: stripe.url,
          PUBLIC_URL: 'http://play.example.test/',
          COIN_PACKS: PACKS,
          STARTING_COINS: String(STARTING_COINS),
          TRUST_PROXY: 'true',
          PAID_FEATURES_BLOCKED_COUNTRIES: 'KP,XY',
          AUTH_RATE_LIMIT_PER_MINUTE: '1000',
        },
      });
      stripe.webhookUrl = `${t.url}/v4/payments/stripe/webhook`;
      admin = await firstAdmin(t);
      operator = await staffMember(t, admin, 'operator');
    });
    after(async () => {
      await t?.cleanup();
      await stripe.stop();
    });

    const balance = async (player: TestPlayer): Promise<number> => expectOk(await call(t, 'GET', '/coins/balance', { token: player.session.jwt }), CoinBalanceSchema).balance;
    const purchases = async (player: TestPlayer): Promise<Purchase[]> => expectOk(await call(t, 'GET', '/shop/purchases', { token: player.session.jwt }), pageOf(PurchaseSchema)).items;
    const checkout = async (player: TestPlayer, productId = 'coins_1200') => {
      const started = expectOk(await call(t, 'POST', '/shop/checkout', { token: player.session.jwt, body: { product_id: productId } }), CheckoutSchema, 201);
      const sessionId = new URL(started.checkout_url).pathname.split('/').at(-1) as string;
      return { ...started, sessionId };
    };
    /** Takes coins from the player as spending would (an operator's correction, through the ledger). */
    const spend = async (player: TestPlayer, coins: number) => {
      const answer = await call(t, 'POST', `/admin/users/${player.userId}/coin-corrections`, {
        token: operator.session.jwt,
        body: { amount: -coins, reason: 'spent in games', idempotency_key: randomUUID() },
      });
      assert.equal(answer.status, 200);
    };

    test('a purchase end to end: the payment page, the signed event, the coins over the socket, the receipt', async () => {
      const player = await connectedAdult(t, 'buyer');
      const shop = expectOk(await call(t, 'GET', '/shop'), ShopSchema);
      assert.equal(shop.open, true);
      assert.deepEqual(
        shop.products.map((product) => [product.product_id, product.coins, product.price_minor, product.currency]),
        [
          ['coins_1200', 1200, 99, 'usd'],
          ['coins_6500', 6500, 499, 'usd'],
        ],
      );
      const started = await checkout(player, 'coins_6500');
      const session = stripe.sessions.get(started.sessionId);
      assert.ok(session !== undefined, 'the checkout was made at Stripe');
      assert.deepEqual([session.amount_total, session.currency, session.metadata.purchase_id, session.metadata.user_id], [499, 'usd', started.purchase_id, player.userId]);
      assert.equal(session.success_url, `http://play.example.test/?purchase=${started.purchase_id}`);
      assert.equal((await purchases(player))[0].status, 'pending');
      assert.equal(await balance(player), STARTING_COINS, 'nothing before the payment');

      const told = waitFor(player, 'PURCHASE_COMPLETED');
      const { delivery } = await stripe.pay(started.sessionId);
      assert.equal(delivery?.status, 200, delivery?.body);
      const { message } = await told;
      assert.deepEqual(message.payload, { purchaseId: started.purchase_id, productId: 'coins_6500', coins: 6500, balance: STARTING_COINS + 6500 });
      assert.equal(await balance(player), STARTING_COINS + 6500);
      const [receipt] = await purchases(player);
      assert.deepEqual([receipt.purchase_id, receipt.status, receipt.coins, receipt.price_minor, receipt.coins_taken_back], [started.purchase_id, 'paid', 6500, 499, 0]);
      assert.ok(receipt.paid_at !== null);

      // The economy page counts the coins sold among the day's flows, and the supply adds up.
      const { coins } = expectOk(await call(t, 'GET', '/admin/economy', { token: operator.session.jwt }), EconomyOverviewSchema);
      const today = coins.flows_by_day.find((day) => day.day === new Date().toISOString().slice(0, 10));
      assert.equal(today?.purchased, 6500);
      const flowed = coins.flows_by_day.reduce((sum, day) => sum + day.granted + day.won + day.lost + day.corrected + day.purchased, 0);
      assert.equal(coins.supply, flowed);
    });

    test('an event sent twice, or three times at once, gives the coins once', async () => {
      const player = await connectedAdult(t, 'twice');
      const { sessionId } = await checkout(player);
      const { eventId } = await stripe.pay(sessionId);
      assert.equal((await stripe.deliver(eventId)).status, 200, 'a repeat is acknowledged');
      const again = await Promise.all([stripe.deliver(eventId), stripe.deliver(eventId), stripe.deliver(eventId)]);
      assert.deepEqual(again.map((delivery) => delivery.status), [200, 200, 200]);
      assert.equal(await balance(player), STARTING_COINS + 1200);
      const entries = await t.server.platform.db.selectFrom('coin_ledger').select('amount').where('user_id', '=', player.userId).where('idempotency_key', 'like', 'purchase:%').execute();
      assert.deepEqual(entries.map((entry) => entry.amount), [1200]);
    });

    test('events in the wrong order: a refund before the payment means the coins are never given', async () => {
      const player = await connectedAdult(t, 'reorder');
      const { sessionId, purchase_id: purchaseId } = await checkout(player);
      // The payment's event is held up on the way; the refund's arrives first.
      const { paymentId, eventId: paidEvent } = await stripe.pay(sessionId, { deliver: false });
      assert.equal((await stripe.refund(paymentId)).delivery.status, 200);
      assert.equal((await stripe.deliver(paidEvent)).status, 200);
      assert.equal(await balance(player), STARTING_COINS, 'no coins for a refunded payment');
      const [purchase] = await purchases(player);
      assert.deepEqual([purchase.purchase_id, purchase.status, purchase.coins_taken_back], [purchaseId, 'refunded', 0]);
    });

    test('a forged, altered, stale or unsigned event is refused and changes nothing', async () => {
      const player = await connectedAdult(t, 'forged');
      const { sessionId } = await checkout(player);
      const { eventId } = await stripe.pay(sessionId, { deliver: false });
      const body = stripe.events.get(eventId) as string;

      const forged = await stripe.deliver(eventId, { secret: `whsec_${'0'.repeat(48)}` });
      assert.equal(forged.status, 400);
      assert.equal((JSON.parse(forged.body) as { error: { code: string } }).error.code, 'BAD_WEBHOOK');
      const altered = await fetch(stripe.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': stripe.signature(body, stripe.webhookSecret) },
        body: body.replace('"amount_total": 99', '"amount_total": 1'),
      });
      assert.equal(altered.status, 400, 'the signature covers the exact bytes');
      const stale = await fetch(stripe.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': stripe.signature(body, stripe.webhookSecret, Math.floor(Date.now() / 1000) - 3600) },
        body,
      });
      assert.equal(stale.status, 400, 'an old signature is not accepted again');
      const unsigned = await fetch(stripe.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      assert.equal(unsigned.status, 400);
      assert.equal(await balance(player), STARTING_COINS);
      assert.equal((await purchases(player))[0].status, 'pending');

      assert.equal((await stripe.deliver(eventId)).status, 200, 'the genuine event still applies');
      assert.equal(await balance(player), STARTING_COINS + 1200);
    });

    test('a payment that does not match its purchase gives nothing', async () => {
      const player = await connectedAdult(t, 'mismatch');
      const { sessionId } = await checkout(player);
      const { eventId } = await stripe.pay(sessionId, { deliver: false });
      const tampered = (stripe.events.get(eventId) as string).replace('"amount_total": 99', '"amount_total": 1').replace(eventId, `${eventId}x`);
      assert.equal((await stripe.deliver(eventId, { body: tampered })).status, 200);
      assert.equal(await balance(player), STARTING_COINS);
      assert.equal((await purchases(player))[0].status, 'failed');
    });

    test('a refund after the coins were spent takes what is left and holds the account for the rest', async () => {
      const player = await connectedAdult(t, 'spender');
      const { sessionId, purchase_id: purchaseId } = await checkout(player);
      const { paymentId } = await stripe.pay(sessionId);
      await spend(player, STARTING_COINS + 1000);
      assert.equal(await balance(player), 200);

      assert.equal((await stripe.refund(paymentId, 50)).delivery.status, 200);
      // Half the money back: 607 of the 1,200 coins (rounded up), of which the account holds 200.
      assert.equal(await balance(player), 0);
      const [purchase] = await purchases(player);
      assert.deepEqual([purchase.purchase_id, purchase.status, purchase.coins_taken_back], [purchaseId, 'refunded', 607]);
      const holds = await t.server.platform.db.selectFrom('payment_holds').select(['owed_coins', 'purchase_id']).where('user_id', '=', player.userId).execute();
      assert.deepEqual(holds, [{ owed_coins: 407, purchase_id: purchaseId }]);
      expectError(await call(t, 'POST', '/shop/checkout', { token: player.session.jwt, body: { product_id: 'coins_1200' } }), 403, 'PAYMENT_HOLD');

      assert.equal((await stripe.refund(paymentId)).delivery.status, 200, 'the rest of the money back');
      assert.equal((await purchases(player))[0].coins_taken_back, 1200);
      const owed = await t.server.platform.db.selectFrom('payment_holds').select('owed_coins').where('user_id', '=', player.userId).orderBy('owed_coins').execute();
      assert.deepEqual(owed.map((hold) => hold.owed_coins), [407, 593]);

      // The console: the holds on the account, lifted one by one with a reason (audited); then the shop opens again.
      const HoldsPage = pageOf(PaymentHoldSchema);
      const open = expectOk(await call(t, 'GET', `/admin/payments/holds?status=open&user_id=${player.userId}`, { token: operator.session.jwt }), HoldsPage);
      assert.deepEqual(open.items.map((hold) => [hold.owed_coins, hold.username, hold.purchase_id]).sort(), [[407, player.session.user.username, purchaseId], [593, player.session.user.username, purchaseId]]);
      const history = expectOk(await call(t, 'GET', `/admin/users/${player.userId}/purchases`, { token: operator.session.jwt }), pageOf(PurchaseSchema));
      assert.deepEqual(history.items.map((item) => [item.purchase_id, item.status]), [[purchaseId, 'refunded']]);
      for (const hold of open.items) {
        const lifted = expectOk(await call(t, 'POST', `/admin/payments/holds/${hold.hold_id}/lift`, { token: operator.session.jwt, body: { reason: 'paid back by bank transfer' } }), PaymentHoldSchema);
        assert.deepEqual([lifted.lift_reason, lifted.lifted_by], ['paid back by bank transfer', operator.session.user.user_id]);
        assert.ok(lifted.lifted_at !== null);
      }
      expectError(await call(t, 'POST', `/admin/payments/holds/${open.items[0].hold_id}/lift`, { token: operator.session.jwt, body: { reason: 'again' } }), 409, 'CONFLICT');
      const audit = expectOk(await call(t, 'GET', `/admin/audit?action=payment_hold.lift&target_id=${open.items[0].hold_id}`, { token: operator.session.jwt }), pageOf(AuditEntrySchema));
      assert.deepEqual(audit.items.map((entry) => [entry.actor_id, entry.reason]), [[operator.session.user.user_id, 'paid back by bank transfer']]);
      assert.equal(expectOk(await call(t, 'GET', `/admin/payments/holds?status=open&user_id=${player.userId}`, { token: operator.session.jwt }), HoldsPage).total, 0);
      expectOk(await call(t, 'POST', '/shop/checkout', { token: player.session.jwt, body: { product_id: 'coins_1200' } }), CheckoutSchema, 201);
    });

    test('holds and purchases in the console are for operators only, and bad requests are refused', async () => {
      const player = await connectedAdult(t, 'nosy');
      // The admin made in `before`: the command line that makes one writes the SQLite file the server is writing.
      const moderator = await staffMember(t, admin, 'moderator');
      expectError(await call(t, 'GET', '/admin/payments/holds', { token: player.session.jwt }), 403, 'FORBIDDEN');
      expectError(await call(t, 'GET', '/admin/payments/holds', { token: moderator.session.jwt }), 403, 'FORBIDDEN');
      expectError(await call(t, 'GET', `/admin/users/${player.userId}/purchases`, { token: moderator.session.jwt }), 403, 'FORBIDDEN');
      expectError(await call(t, 'POST', `/admin/payments/holds/${randomUUID()}/lift`, { token: player.session.jwt, body: { reason: 'let me shop' } }), 403, 'FORBIDDEN');
      expectError(await call(t, 'POST', `/admin/payments/holds/${randomUUID()}/lift`, { token: operator.session.jwt, body: { reason: 'no such hold' } }), 404, 'NOT_FOUND');
      expectError(await call(t, 'POST', '/admin/payments/holds/not-a-hold/lift', { token: operator.session.jwt, body: { reason: 'bad id' } }), 400, 'BAD_REQUEST');
      expectError(await call(t, 'POST', `/admin/payments/holds/${randomUUID()}/lift`, { token: operator.session.jwt, body: { reason: 'x' } }), 400, 'BAD_REQUEST');
      expectError(await call(t, 'GET', '/admin/payments/holds?status=maybe', { token: operator.session.jwt }), 400, 'BAD_REQUEST');
    });

    test('a dispute takes every coin of the purchase back', async () => {
      const player = await connectedAdult(t, 'disputer');
      const { sessionId } = await checkout(player, 'coins_6500');
      const { paymentId } = await stripe.pay(sessionId);
      assert.equal(await balance(player), STARTING_COINS + 6500);
      const { eventId, delivery } = await stripe.dispute(paymentId);
      assert.equal(delivery.status, 200);
      assert.equal((await stripe.deliver(eventId)).status, 200);
      assert.equal(await balance(player), STARTING_COINS);
      const [purchase] = await purchases(player);
      assert.deepEqual([purchase.status, purchase.coins_taken_back], ['disputed', 6500]);
      const holds = await t.server.platform.db.selectFrom('payment_holds').select('id').where('user_id', '=', player.userId).execute();
      assert.deepEqual(holds, [], 'no hold: the coins were all there');
    });

    test('spending limits: lower at once, higher after the cooling-off; self-exclusion only grows; checkouts count against both', async () => {
      const player = await connectedAdult(t, 'limited');
      const rules = async () => expectOk(await call(t, 'GET', '/responsible-play', { token: player.session.jwt }), ResponsiblePlaySchema);
      const setLimit = (period: string, limitMinor: number | null) => call(t, 'PUT', '/responsible-play/limits', { token: player.session.jwt, body: { period, limit_minor: limitMinor } });
      const day = (view: ResponsiblePlay) => view.limits.find((entry) => entry.period === 'day');
      assert.deepEqual((await rules()).limits.map((entry) => [entry.period, entry.limit_minor, entry.spent_minor]), [['day', null, 0], ['week', null, 0], ['month', null, 0]]);

      const limited = expectOk(await setLimit('day', 150), ResponsiblePlaySchema);
      assert.deepEqual([day(limited)?.limit_minor, day(limited)?.pending, limited.cooling_off_hours], [150, null, 72]);
      await checkout(player);
      assert.equal(day(await rules())?.spent_minor, 99, 'a checkout not yet paid counts');
      expectError(await call(t, 'POST', '/shop/checkout', { token: player.session.jwt, body: { product_id: 'coins_1200' } }), 403, 'SPENDING_LIMIT');

      const raised = expectOk(await setLimit('day', 1000), ResponsiblePlaySchema);
      assert.equal(day(raised)?.limit_minor, 150, 'a raise is not in force yet');
      assert.equal(day(raised)?.pending?.limit_minor, 1000);
      const from = Date.parse(day(raised)?.pending?.from ?? '');
      assert.ok(Math.abs(from - (Date.now() + 72 * 3_600_000)) < 60_000, 'it waits the cooling-off');
      expectError(await call(t, 'POST', '/shop/checkout', { token: player.session.jwt, body: { product_id: 'coins_1200' } }), 403, 'SPENDING_LIMIT');
      // The cooling-off passes (its end moved into the past, as time would): the raise is in force.
      await t.server.platform.db.updateTable('spending_limits').set({ pending_from: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', player.userId).execute();
      assert.equal(day(await rules())?.limit_minor, 1000);
      await checkout(player);
      const lowered = expectOk(await setLimit('day', 100), ResponsiblePlaySchema);
      assert.deepEqual([day(lowered)?.limit_minor, day(lowered)?.pending], [100, null], 'a lower limit is in force at once');
      const removed = expectOk(await setLimit('day', null), ResponsiblePlaySchema);
      assert.deepEqual([day(removed)?.limit_minor, day(removed)?.pending?.limit_minor], [100, null], 'removing one waits too');

      const excluded = expectOk(await call(t, 'POST', '/responsible-play/self-exclusion', { token: player.session.jwt, body: { days: 7 } }), ResponsiblePlaySchema);
      const until = Date.parse(excluded.self_excluded_until ?? '');
      assert.ok(Math.abs(until - (Date.now() + 7 * 86_400_000)) < 60_000);
      const shorter = expectOk(await call(t, 'POST', '/responsible-play/self-exclusion', { token: player.session.jwt, body: { days: 1 } }), ResponsiblePlaySchema);
      assert.equal(shorter.self_excluded_until, excluded.self_excluded_until, 'it cannot be shortened');
      expectError(await call(t, 'POST', '/shop/checkout', { token: player.session.jwt, body: { product_id: 'coins_1200' } }), 403, 'SELF_EXCLUDED');

      expectError(await setLimit('year', 100), 400, 'BAD_REQUEST');
      expectError(await setLimit('day', -1), 400, 'BAD_REQUEST');
      expectError(await setLimit('day', 1.5), 400, 'BAD_REQUEST');
      expectError(await call(t, 'POST', '/responsible-play/self-exclusion', { token: player.session.jwt, body: { days: 0 } }), 400, 'BAD_REQUEST');
      expectError(await call(t, 'GET', '/responsible-play'), 401, 'UNAUTHORIZED');
    });

    test('two checkouts at once cannot both pass a limit', async () => {
      const player = await connectedAdult(t, 'racer');
      await call(t, 'PUT', '/responsible-play/limits', { token: player.session.jwt, body: { period: 'week', limit_minor: 150 } });
      const answers = await Promise.all([0, 1, 2].map(() => call(t, 'POST', '/shop/checkout', { token: player.session.jwt, body: { product_id: 'coins_1200' } })));
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, 403, 403]);
    });

    test('paid features are off in a blocked country, as the trusted proxy says', async () => {
      const player = await connectedAdult(t, 'abroad');
      const shopFrom = async (country: string) =>
        ShopSchema.parse(await (await fetch(`${t.url}/v4/shop`, { headers: { 'cf-ipcountry': country } })).json());
      assert.deepEqual([(await shopFrom('KP')).open, (await shopFrom('KP')).closed_reason], [false, 'country']);
      assert.equal((await shopFrom('FR')).open, true);
      const refused = await fetch(`${t.url}/v4/shop/checkout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${player.session.jwt}`, 'cf-ipcountry': 'XY' },
        body: JSON.stringify({ product_id: 'coins_1200' }),
      });
      assert.equal(refused.status, 503);
      assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'SHOP_CLOSED');
    });

    test('a checkout given up or run out stops counting against the limits; a paid one cannot be given up', async () => {
      const player = await connectedAdult(t, 'quitter');
      await call(t, 'PUT', '/responsible-play/limits', { token: player.session.jwt, body: { period: 'day', limit_minor: 100 } });
      const first = await checkout(player);
      expectError(await call(t, 'POST', '/shop/checkout', { token: player.session.jwt, body: { product_id: 'coins_1200' } }), 403, 'SPENDING_LIMIT');
      const cancelled = expectOk(await call(t, 'POST', `/shop/purchases/${first.purchase_id}/cancel`, { token: player.session.jwt }), PurchaseSchema);
      assert.equal(cancelled.status, 'expired');
      assert.equal(stripe.sessions.get(first.sessionId)?.status, 'expired', 'closed at Stripe: it can no longer be paid');
      expectError(await call(t, 'POST', `/shop/purchases/${first.purchase_id}/cancel`, { token: player.session.jwt }), 409, 'CONFLICT');

      const second = await checkout(player);
      const other = await connectedAdult(t, 'notmine');
      expectError(await call(t, 'POST', `/shop/purchases/${second.purchase_id}/cancel`, { token: other.session.jwt }), 404, 'NOT_FOUND');
      assert.equal((await stripe.expire(second.sessionId)).delivery.status, 200, 'Stripe closes it after a day');
      assert.equal((await purchases(player)).find((item) => item.purchase_id === second.purchase_id)?.status, 'expired');

      const third = await checkout(player);
      await stripe.pay(third.sessionId);
      expectError(await call(t, 'POST', `/shop/purchases/${third.purchase_id}/cancel`, { token: player.session.jwt }), 409, 'CONFLICT');
      assert.equal(await balance(player), STARTING_COINS + 1200);
      expectError(await call(t, 'POST', '/shop/purchases/not-an-id/cancel', { token: player.session.jwt }), 400, 'BAD_REQUEST');
    });

    test('the age gate: buying needs a date of birth, given once, of age', async () => {
      const guest = await connectedPlayer(t, 'ageless');
      const buy = (player: TestPlayer) => call(t, 'POST', '/shop/checkout', { token: player.session.jwt, body: { product_id: 'coins_1200' } });
      expectError(await buy(guest), 403, 'AGE_REQUIRED');
      const young = new Date();
      young.setUTCFullYear(young.getUTCFullYear() - 17);
      expectOk(await call(t, 'PUT', '/users/me/birth-date', { token: guest.session.jwt, body: { birth_date: young.toISOString().slice(0, 10) } }), UserSchema);
      expectError(await buy(guest), 403, 'UNDER_AGE');
      expectError(await call(t, 'PUT', '/users/me/birth-date', { token: guest.session.jwt, body: { birth_date: '1990-04-01' } }), 409, 'CONFLICT');
      expectError(await buy(guest), 403, 'UNDER_AGE');
      const other = await connectedPlayer(t, 'agebad');
      expectError(await call(t, 'PUT', '/users/me/birth-date', { body: { birth_date: '1990-04-01' } }), 401, 'UNAUTHORIZED');
      expectError(await call(t, 'PUT', '/users/me/birth-date', { token: other.session.jwt, body: { birth_date: '1990-04-01', user_id: guest.userId } }), 400, 'BAD_REQUEST');
      for (const birthDate of ['1990-02-30', '2999-01-01', '01/04/1990', '1899-12-31']) {
        expectError(await call(t, 'PUT', '/users/me/birth-date', { token: other.session.jwt, body: { birth_date: birthDate } }), 400, 'BAD_REQUEST');
      }
    });

    test('bad checkout requests are refused and start nothing', async () => {
      const player = await connectedAdult(t, 'badbuy');
      const sessions = stripe.sessions.size;
      expectError(await call(t, 'POST', '/shop/checkout', { body: { product_id: 'coins_1200' } }), 401, 'UNAUTHORIZED');
      expectError(await call(t, 'POST', '/shop/checkout', { token: player.session.jwt, body: { product_id: 'gold_bar' } }), 404, 'NOT_FOUND');
      expectError(await call(t, 'POST', '/shop/checkout', { token: player.session.jwt, body: { product_id: 'coins_1200', price_minor: 1 } }), 400, 'BAD_REQUEST');
      expectError(await call(t, 'POST', '/shop/checkout', { token: player.session.jwt, body: {} }), 400, 'BAD_REQUEST');
      expectError(await call(t, 'GET', '/shop/purchases'), 401, 'UNAUTHORIZED');
      assert.equal(stripe.sessions.size, sessions);
      assert.deepEqual(await purchases(player), []);
    });
  });
}
