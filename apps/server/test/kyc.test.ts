import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CheckoutSchema, type KycStatus, KycStartSchema, KycStatusSchema } from '@guandan/protocol';
import { FakeStripe } from '../tools/fakes/fake-stripe.js';
import { FakeSumsub } from '../tools/fakes/fake-sumsub.js';
import { call, expectError, expectOk } from './support/accounts.js';
import { connectedAdult, connectedPlayer, type TestPlayer } from './support/players.js';
import { skipWithoutPostgres, startTestServer, type StoreKind, type TestServer } from './support/server.js';
import { firstAdmin, staffMember } from './support/staff.js';

const postgresSkip = await skipWithoutPostgres();

describe('identity checks when none are configured', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(async () => t.cleanup());

  test('every account is tier 0 and no check can start', async () => {
    const player = await connectedPlayer(t, 'nokyc');
    const status = expectOk(await call(t, 'GET', '/kyc', { token: player.session.jwt }), KycStatusSchema);
    assert.deepEqual([status.enabled, status.tier, status.check], [false, 0, null]);
    expectError(await call(t, 'POST', '/kyc/start', { token: player.session.jwt, body: { tier: 1 } }), 409, 'KYC_OFF');
    const webhook = await fetch(`${t.url}/v4/kyc/sumsub/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(webhook.status, 409);
  });
});

for (const store of ['sqlite', 'postgres'] satisfies StoreKind[]) {
  describe(`identity checks with Sumsub (a local Sumsub on its wire contract) on ${store}`, { skip: store === 'postgres' ? postgresSkip : false }, () => {
    const sumsub = new FakeSumsub();
    const stripe = new FakeStripe();
    let t: TestServer;
    before(async () => {
      await Promise.all([sumsub.start(), stripe.start()]);
      t = await startTestServer({
        store,
        env: {
          KYC: 'sumsub',
          SUMSUB_APP_TOKEN: sumsub.appToken,
          SUMSUB_SECRET_KEY: sumsub.secretKey,
          SUMSUB_WEBHOOK_SECRET: sumsub.webhookSecret,
          SUMSUB_API_URL: sumsub.url,
          KYC_TIER1_ABOVE_MONTHLY_MINOR: '200',
          PAYMENTS: 'stripe',
          STRIPE_SECRET_KEY: stripe.secretKey,
          STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
          STRIPE_API_URL: stripe.url,
          PUBLIC_URL: 'http://play.example.test',
          COIN_PACKS: 'coins_1200:1200:99',
          AUTH_RATE_LIMIT_PER_MINUTE: '1000',
        },
      });
      sumsub.webhookUrl = `${t.url}/v4/kyc/sumsub/webhook`;
      stripe.webhookUrl = `${t.url}/v4/payments/stripe/webhook`;
    });
    after(async () => {
      await t?.cleanup();
      await Promise.all([sumsub.stop(), stripe.stop()]);
    });

    const status = async (player: TestPlayer): Promise<KycStatus> => expectOk(await call(t, 'GET', '/kyc', { token: player.session.jwt }), KycStatusSchema);
    const start = (player: TestPlayer, tier: number) => call(t, 'POST', '/kyc/start', { token: player.session.jwt, body: { tier } });
    const buy = (player: TestPlayer) => call(t, 'POST', '/shop/checkout', { token: player.session.jwt, body: { product_id: 'coins_1200' } });

    test('from tier 0 to 2: spending past the monthly amount needs tier 1, which only the signed review gives', async () => {
      const player = await connectedAdult(t, 'kyc');
      assert.deepEqual([(await status(player)).tier, (await status(player)).tier1_above_monthly_minor], [0, 200]);
      expectOk(await buy(player), CheckoutSchema, 201);
      expectOk(await buy(player), CheckoutSchema, 201);
      expectError(await buy(player), 403, 'KYC_REQUIRED');

      const started = expectOk(await start(player, 1), KycStartSchema, 201);
      assert.deepEqual([started.provider, started.level], ['sumsub', 'basic-kyc-level']);
      assert.match(started.access_token, /^_act-sbx-jwt-/);
      const applicant = [...sumsub.applicants.values()].find((candidate) => candidate.externalUserId === player.userId);
      assert.equal(applicant?.levelName, 'basic-kyc-level', 'the applicant is the account, at the tier\'s level');
      assert.deepEqual([(await status(player)).check?.status, (await status(player)).tier], ['started', 0]);

      assert.equal((await sumsub.submit(player.userId)).delivery?.status, 200);
      assert.deepEqual([(await status(player)).check?.status, (await status(player)).tier], ['pending', 0]);
      expectError(await buy(player), 403, 'KYC_REQUIRED');
      assert.equal((await sumsub.review(player.userId, 'GREEN')).delivery?.status, 200);
      assert.deepEqual([(await status(player)).check?.status, (await status(player)).tier], ['approved', 1]);
      expectOk(await buy(player), CheckoutSchema, 201);
      expectError(await start(player, 1), 409, 'CONFLICT');

      const second = expectOk(await start(player, 2), KycStartSchema, 201);
      assert.equal(second.level, 'cashout-kyc-level');
      assert.equal([...sumsub.applicants.values()].filter((candidate) => candidate.externalUserId === player.userId).length, 1, 'one applicant per person');
      await sumsub.review(player.userId, 'RED', 'RETRY');
      assert.deepEqual([(await status(player)).check?.tier, (await status(player)).check?.status, (await status(player)).tier], [2, 'retry', 1]);
      await sumsub.review(player.userId, 'GREEN');
      assert.equal((await status(player)).tier, 2);

      // Operators see it on the account.
      const admin = await firstAdmin(t);
      const operator = await staffMember(t, admin, 'operator');
      const seen = expectOk(await call(t, 'GET', `/admin/users/${player.userId}/kyc`, { token: operator.session.jwt }), KycStatusSchema);
      assert.deepEqual([seen.tier, seen.check?.tier, seen.check?.status], [2, 2, 'approved']);
      expectError(await call(t, 'GET', `/admin/users/${player.userId}/kyc`, { token: player.session.jwt }), 403, 'FORBIDDEN');
    });

    test('a forged, weakened or altered webhook is refused and changes nothing; a repeat or a late older one, nothing either', async () => {
      const player = await connectedAdult(t, 'kycforge');
      expectOk(await start(player, 1), KycStartSchema, 201);
      const { key: pending } = await sumsub.submit(player.userId, { deliver: false });
      const { key: green } = await sumsub.review(player.userId, 'GREEN', 'FINAL', { deliver: false });
      const body = sumsub.events.get(green) as string;

      const forged = await sumsub.deliver(green, { secret: 'not-the-secret' });
      assert.equal(forged.status, 400);
      assert.equal((JSON.parse(forged.body) as { error: { code: string } }).error.code, 'BAD_WEBHOOK');
      assert.equal((await sumsub.deliver(green, { algorithm: 'sha1' })).status, 400, 'SHA-1 digests are not accepted');
      const altered = await fetch(sumsub.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-payload-digest': '00'.repeat(32), 'x-payload-digest-alg': 'HMAC_SHA256_HEX' },
        body,
      });
      assert.equal(altered.status, 400);
      assert.equal((await status(player)).tier, 0);

      assert.equal((await sumsub.deliver(green)).status, 200);
      assert.equal((await sumsub.deliver(green)).status, 200, 'a repeat is acknowledged');
      assert.equal((await sumsub.deliver(pending)).status, 200, 'the older pending event, arriving late');
      assert.deepEqual([(await status(player)).check?.status, (await status(player)).tier], ['approved', 1]);
    });

    test('a review naming another account\'s applicant changes neither account', async () => {
      const victim = await connectedAdult(t, 'kycvictim');
      const attacker = await connectedAdult(t, 'kycattacker');
      expectOk(await start(victim, 1), KycStartSchema, 201);
      expectOk(await start(attacker, 1), KycStartSchema, 201);
      const { key } = await sumsub.review(victim.userId, 'GREEN', 'FINAL', { deliver: false });
      const swapped = (sumsub.events.get(key) as string).replace(victim.userId, attacker.userId);
      assert.equal((await sumsub.deliver(key, { body: swapped })).status, 200);
      assert.equal((await status(attacker)).tier, 0, 'the applicant is not the attacker\'s');
      assert.equal((await status(victim)).tier, 0);
    });

    test('bad requests are refused', async () => {
      const player = await connectedAdult(t, 'kycbad');
      expectError(await start(player, 3), 400, 'BAD_REQUEST');
      expectError(await start(player, 0), 400, 'BAD_REQUEST');
      expectError(await call(t, 'POST', '/kyc/start', { token: player.session.jwt, body: { tier: 1, level: 'vip' } }), 400, 'BAD_REQUEST');
      expectError(await call(t, 'POST', '/kyc/start', { body: { tier: 1 } }), 401, 'UNAUTHORIZED');
      expectError(await call(t, 'GET', '/kyc'), 401, 'UNAUTHORIZED');
      const junk = await fetch(sumsub.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'not json' });
      assert.equal(junk.status, 400);
    });
  });
}
