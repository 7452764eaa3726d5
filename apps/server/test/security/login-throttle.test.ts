import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { SessionSchema } from '@guandan/protocol';
import { type FailureHistory, secondsToWait, type ThrottlePolicy } from '../../src/auth/login-throttle.js';
import { expectError, expectOk, newAccount, signUp } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/server.js';

const FREE = 3;

/** A login from `address` (the trusted proxy's X-Forwarded-For), with the answer's Retry-After. */
async function loginFrom(t: TestServer, address: string, email: string, password: string) {
  const response = await fetch(`${t.url}/v4/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password }),
  });
  return { status: response.status, body: (await response.json()) as unknown, retryAfter: response.headers.get('retry-after') };
}

describe('login throttling: wrong passwords slow their sender, never lock the owner out', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({
      env: { TRUST_PROXY: 'true', LOGIN_FREE_FAILURES: String(FREE), LOGIN_ADDRESS_FREE_FAILURES: '50', LOGIN_ACCOUNT_CEILING: '8', AUTH_RATE_LIMIT_PER_MINUTE: '100000' },
    });
  });
  after(async () => t.cleanup());

  /** As if every failure so far happened a minute ago: whatever wait they caused is over. */
  const timePasses = () => t.server.platform.db.updateTable('login_failures').set({ failed_at: new Date(Date.now() - 60_000).toISOString() }).execute();

  test('the owner signs in from their own address while an attacker hammers the account from another', async () => {
    const victim = newAccount();
    await signUp(t, victim);
    for (let attempt = 1; attempt <= FREE; attempt++) expectError(await loginFrom(t, '203.0.113.66', victim.email, `guess-${attempt}`), 401, 'INVALID_CREDENTIALS');
    // The attacker is slowed: the next try waits, and is refused before its password is even checked.
    const slowed = await loginFrom(t, '203.0.113.66', victim.email, victim.password);
    expectError(slowed, 429, 'RATE_LIMITED');
    assert.equal(slowed.retryAfter, '1');
    // Meanwhile the owner is not held up.
    expectOk(await loginFrom(t, '198.51.100.7', victim.email, victim.password), SessionSchema);
    expectError(await loginFrom(t, '198.51.100.7', victim.email, 'a typo'), 401, 'INVALID_CREDENTIALS');
    expectOk(await loginFrom(t, '198.51.100.7', victim.email, victim.password), SessionSchema);
  });

  test("the attacker's waits grow: 1, 2, 4 ... seconds after each further failure", async () => {
    const victim = newAccount();
    await signUp(t, victim);
    for (let attempt = 1; attempt <= FREE; attempt++) expectError(await loginFrom(t, '203.0.113.67', victim.email, 'wrong'), 401, 'INVALID_CREDENTIALS');
    const waits: string[] = [];
    for (let round = 0; round < 4; round++) {
      const refused = await loginFrom(t, '203.0.113.67', victim.email, 'wrong');
      expectError(refused, 429, 'RATE_LIMITED');
      waits.push(refused.retryAfter ?? '');
      await timePasses();
      expectError(await loginFrom(t, '203.0.113.67', victim.email, 'wrong'), 401, 'INVALID_CREDENTIALS');
    }
    assert.deepEqual(waits, ['1', '2', '4', '8']);
    expectOk(await loginFrom(t, '198.51.100.8', victim.email, victim.password), SessionSchema);
  });

  test('an unknown email is throttled exactly like a known one (the throttle tells nothing)', async () => {
    const stranger = newAccount();
    for (let attempt = 1; attempt <= FREE; attempt++) expectError(await loginFrom(t, '203.0.113.68', stranger.email, 'wrong'), 401, 'INVALID_CREDENTIALS');
    const refused = await loginFrom(t, '203.0.113.68', stranger.email, 'wrong');
    expectError(refused, 429, 'RATE_LIMITED');
    assert.equal(refused.retryAfter, '1');
  });

  test('many addresses each under their own limit: past the account ceiling each is slowed after its first failure, the owner still is not', async () => {
    const victim = newAccount();
    await signUp(t, victim);
    for (let bot = 0; bot < 8; bot++) expectError(await loginFrom(t, `192.0.2.${bot}`, victim.email, 'wrong'), 401, 'INVALID_CREDENTIALS');
    expectError(await loginFrom(t, '192.0.2.0', victim.email, 'wrong'), 429, 'RATE_LIMITED');
    expectOk(await loginFrom(t, '198.51.100.9', victim.email, victim.password), SessionSchema);
  });
});

describe('secondsToWait', () => {
  const policy: ThrottlePolicy = {
    LOGIN_FREE_FAILURES: 5,
    LOGIN_ADDRESS_FREE_FAILURES: 20,
    LOGIN_ACCOUNT_CEILING: 100,
    LOGIN_MAX_DELAY_SECONDS: 900,
    LOGIN_FAILURE_WINDOW_MINUTES: 60,
  };
  const now = 1_000_000_000;

  test('an address without failures on the account never waits on its behalf, whatever others did', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(policy.LOGIN_ADDRESS_FREE_FAILURES - 1), (accountFailures, addressFailures) => {
        const history: FailureHistory = { pair: { count: 0, lastAt: null }, address: { count: addressFailures, lastAt: now }, account: { count: accountFailures } };
        assert.equal(secondsToWait(history, now, policy), 0);
      }),
    );
  });

  test('the wait doubles with each failure past the free ones, up to the ceiling, and runs out', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), (extra) => {
        const pair = { count: policy.LOGIN_FREE_FAILURES + extra, lastAt: now };
        const history: FailureHistory = { pair, address: pair, account: { count: pair.count } };
        const wait = secondsToWait(history, now, policy);
        assert.equal(wait, Math.min(2 ** extra, policy.LOGIN_MAX_DELAY_SECONDS));
        assert.equal(secondsToWait(history, now + wait * 1000, policy), 0);
      }),
    );
  });
});
