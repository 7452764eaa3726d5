import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { RegisterResponseSchema, SessionSchema, UserSchema } from '@guandan/protocol';
import { SignJWT } from 'jose';
import fc from 'fast-check';
import type { Db } from '../src/platform/db/database.js';
import { ageOn } from '../src/users/age.js';
import { call, expectError, expectOk, newAccount, signUp } from './support/accounts.js';
import { skipWithoutPostgres, startTestServer, type StoreKind, type TestServer } from './support/server.js';

const STARTING_COINS = 1234;
const MAX_FAILURES = 3;
const postgresSkip = await skipWithoutPostgres();

async function countRows(db: Db, table: 'users' | 'coin_ledger'): Promise<number> {
  const { n } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

for (const store of ['sqlite', 'postgres'] satisfies StoreKind[]) {
  describe(`auth on ${store}`, { skip: store === 'postgres' ? postgresSkip : false }, () => {
    let t: TestServer;
    let db: Db;
    before(async () => {
      t = await startTestServer({
        store,
        env: {
          STARTING_COINS: String(STARTING_COINS),
          LOGIN_FREE_FAILURES: String(MAX_FAILURES),
          LOGIN_ADDRESS_FREE_FAILURES: '1000',
          AUTH_RATE_LIMIT_PER_MINUTE: '100000',
        },
      });
      db = t.server.platform.db;
    });
    after(async () => t.cleanup());

    const login = async (email: string, password: string) => call(t, 'POST', '/auth/login', { body: { email, password } });

    test('register, login and /users/me agree on the account', async () => {
      const account = newAccount();
      const registered = await call(t, 'POST', '/auth/register', { body: { ...account, email: account.email.toUpperCase() } });
      const { user } = expectOk(registered, RegisterResponseSchema);
      // The raw body, not the parsed one: parsing would drop a leaked field such as the password hash.
      assert.deepEqual(Object.keys((registered.body as { user: object }).user).sort(), Object.keys(UserSchema.shape).sort());
      assert.equal(user.email, account.email, 'emails are kept in lower case');
      assert.equal(user.username, account.username);
      assert.equal(user.is_guest, false);
      assert.equal(user.last_login, null);
      assert.equal(user.game_coin_balance, STARTING_COINS);

      const session = expectOk(await login(account.email, account.password), SessionSchema);
      assert.equal(session.user.user_id, user.user_id);
      assert.equal(session.expires_in, t.server.platform.config.JWT_TTL_SECONDS);
      assert.notEqual(session.user.last_login, null);
      const me = expectOk(await call(t, 'GET', '/users/me', { token: session.jwt }), UserSchema);
      assert.deepEqual(me, session.user);
    });

    test('passwords are stored as argon2id hashes', async () => {
      const account = newAccount();
      const { user } = expectOk(await call(t, 'POST', '/auth/register', { body: account }), RegisterResponseSchema);
      const { password_hash } = await db.selectFrom('users').select('password_hash').where('id', '=', user.user_id).executeTakeFirstOrThrow();
      assert.match(password_hash ?? '', /^\$argon2id\$/);
      assert.ok(!(password_hash ?? '').includes(account.password));
    });

    test('the starting coins are one ledger entry, granted once', async () => {
      const account = newAccount();
      const session = await signUp(t, account);
      expectOk(await call(t, 'POST', '/auth/refresh', { body: { refresh_token: session.refresh_token } }), SessionSchema);
      expectOk(await login(account.email, account.password), SessionSchema);
      const entries = await db.selectFrom('coin_ledger').selectAll().where('user_id', '=', session.user.user_id).execute();
      assert.deepEqual(
        entries.map((entry) => [entry.idempotency_key, entry.amount, entry.balance_after]),
        [[`grant:${session.user.user_id}`, STARTING_COINS, STARTING_COINS]],
      );
      assert.equal(expectOk(await call(t, 'GET', '/users/me', { token: session.jwt }), UserSchema).game_coin_balance, STARTING_COINS);
    });

    test('an email or a username in use is refused and nothing is written', async () => {
      const first = newAccount();
      expectOk(await call(t, 'POST', '/auth/register', { body: first }), RegisterResponseSchema);
      const [users, entries] = [await countRows(db, 'users'), await countRows(db, 'coin_ledger')];
      expectError(await call(t, 'POST', '/auth/register', { body: { ...newAccount(), email: first.email.toUpperCase() } }), 409, 'EMAIL_TAKEN');
      expectError(await call(t, 'POST', '/auth/register', { body: { ...newAccount(), username: first.username } }), 409, 'USERNAME_TAKEN');
      assert.equal(await countRows(db, 'users'), users);
      assert.equal(await countRows(db, 'coin_ledger'), entries);
    });

    test('concurrent registrations of one email or one username make one account', async () => {
      const email = newAccount().email;
      const byEmail = await Promise.all(Array.from({ length: 5 }, () => call(t, 'POST', '/auth/register', { body: { ...newAccount(), email } })));
      assert.deepEqual(byEmail.map((answer) => answer.status).sort(), [200, 409, 409, 409, 409]);
      for (const answer of byEmail.filter((answer) => answer.status === 409)) expectError(answer, 409, 'EMAIL_TAKEN');

      const username = newAccount().username;
      const byName = await Promise.all(Array.from({ length: 5 }, () => call(t, 'POST', '/auth/register', { body: { ...newAccount(), username } })));
      assert.deepEqual(byName.map((answer) => answer.status).sort(), [200, 409, 409, 409, 409]);
      for (const answer of byName.filter((answer) => answer.status === 409)) expectError(answer, 409, 'USERNAME_TAKEN');
      const accounts = await db.selectFrom('users').select('id').where((eb) => eb.or([eb('email', '=', email), eb('username', '=', username)])).execute();
      assert.equal(accounts.length, 2);
    });

    test('malformed registrations are BAD_REQUEST and create nothing', async () => {
      const valid = newAccount();
      const users = await countRows(db, 'users');
      const bodies: unknown[] = [
        {},
        { email: valid.email, password: valid.password },
        { email: valid.email, username: valid.username },
        { ...valid, email: 'not-an-email' },
        { ...valid, password: 'short' },
        { ...valid, is_admin: true },
        { email: valid.email, password: valid.password, username: valid.username },
        { ...valid, birth_date: '1990-13-01' },
        { ...valid, birth_date: '2999-01-01' },
        [valid],
      ];
      for (const body of bodies) expectError(await call(t, 'POST', '/auth/register', { body }), 400, 'BAD_REQUEST');
      for (const username of ['x', '<script>']) expectError(await call(t, 'POST', '/auth/register', { body: { ...valid, username } }), 400, 'USERNAME_INVALID');
      const notJson = await fetch(`${t.url}/v4/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
      expectError({ status: notJson.status, body: await notJson.json() }, 400, 'BAD_REQUEST');
      assert.equal(await countRows(db, 'users'), users);
      // The same details, well formed, are accepted: the refusals above were about the shape only.
      expectOk(await call(t, 'POST', '/auth/register', { body: valid }), RegisterResponseSchema);
    });

    test('the age gate: no account below the minimum age (18 here), one on the day of the 18th birthday', async () => {
      const today = new Date();
      const yearsAgo = (years: number, days = 0) => {
        const day = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate() + days));
        return day.toISOString().slice(0, 10);
      };
      const users = await countRows(db, 'users');
      expectError(await call(t, 'POST', '/auth/register', { body: { ...newAccount(), birth_date: yearsAgo(18, 1) } }), 403, 'UNDER_AGE');
      expectError(await call(t, 'POST', '/auth/register', { body: { ...newAccount(), birth_date: yearsAgo(12) } }), 403, 'UNDER_AGE');
      assert.equal(await countRows(db, 'users'), users, 'no account was made');
      const { user } = expectOk(await call(t, 'POST', '/auth/register', { body: { ...newAccount(), birth_date: yearsAgo(18) } }), RegisterResponseSchema);
      assert.equal(user.birth_date, yearsAgo(18));
    });

    test('a wrong password and an unknown email get the same answer', async () => {
      const account = newAccount();
      await signUp(t, account);
      const wrong = await login(account.email, 'not-the-password');
      const unknown = await login(newAccount().email, account.password);
      expectError(wrong, 401, 'INVALID_CREDENTIALS');
      expectError(unknown, 401, 'INVALID_CREDENTIALS');
      assert.deepEqual(wrong.body, unknown.body);
    });

    test(`after ${MAX_FAILURES} failures the next try waits, even with the right password, and is let in once the wait is over`, async () => {
      const account = newAccount();
      await signUp(t, account);
      for (let failure = 1; failure <= MAX_FAILURES; failure++) expectError(await login(account.email, 'wrong-password'), 401, 'INVALID_CREDENTIALS');
      const throttled = await fetch(`${t.url}/v4/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: account.email, password: account.password }),
      });
      expectError({ status: throttled.status, body: await throttled.json() }, 429, 'RATE_LIMITED');
      assert.equal(throttled.headers.get('retry-after'), '1');

      // The wait is over: the failures happened a while ago.
      await db.updateTable('login_failures').set({ failed_at: new Date(Date.now() - 60_000).toISOString() }).execute();
      expectOk(await login(account.email, account.password), SessionSchema);
      // The right password forgave this address's failures: one more is not throttled.
      expectError(await login(account.email, 'wrong-password'), 401, 'INVALID_CREDENTIALS');
    });

    test('a successful login resets the failure count', async () => {
      const account = newAccount();
      await signUp(t, account);
      for (let failure = 1; failure < MAX_FAILURES; failure++) expectError(await login(account.email, 'wrong-password'), 401, 'INVALID_CREDENTIALS');
      expectOk(await login(account.email, account.password), SessionSchema);
      for (let failure = 1; failure < MAX_FAILURES; failure++) expectError(await login(account.email, 'wrong-password'), 401, 'INVALID_CREDENTIALS');
      expectOk(await login(account.email, account.password), SessionSchema);
    });

    test('refresh rotates: each token gives one new session', async () => {
      const first = await signUp(t);
      const second = expectOk(await call(t, 'POST', '/auth/refresh', { body: { refresh_token: first.refresh_token } }), SessionSchema);
      const third = expectOk(await call(t, 'POST', '/auth/refresh', { body: { refresh_token: second.refresh_token } }), SessionSchema);
      assert.equal(new Set([first.refresh_token, second.refresh_token, third.refresh_token]).size, 3);
      assert.equal(third.user.user_id, first.user.user_id);
      expectOk(await call(t, 'GET', '/users/me', { token: third.jwt }), UserSchema);
      const live = await db.selectFrom('refresh_tokens').select('token_hash').where('user_id', '=', first.user.user_id).where('revoked_at', 'is', null).execute();
      assert.equal(live.length, 1, 'only the newest refresh token is live');
    });

    test('a used refresh token coming back revokes every session of the account', async () => {
      const account = newAccount();
      const stolen = await signUp(t, account);
      const otherDevice = expectOk(await login(account.email, account.password), SessionSchema);
      const rotated = expectOk(await call(t, 'POST', '/auth/refresh', { body: { refresh_token: stolen.refresh_token } }), SessionSchema);
      expectError(await call(t, 'POST', '/auth/refresh', { body: { refresh_token: stolen.refresh_token } }), 401, 'INVALID_TOKEN');
      expectError(await call(t, 'POST', '/auth/refresh', { body: { refresh_token: rotated.refresh_token } }), 401, 'INVALID_TOKEN');
      expectError(await call(t, 'POST', '/auth/refresh', { body: { refresh_token: otherDevice.refresh_token } }), 401, 'INVALID_TOKEN');
    });

    test('two refreshes racing with one token: one session, one refusal', async () => {
      const session = await signUp(t);
      const answers = await Promise.all([1, 2].map(() => call(t, 'POST', '/auth/refresh', { body: { refresh_token: session.refresh_token } })));
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 401]);
    });

    test('an expired or unknown refresh token is INVALID_TOKEN', async () => {
      const session = await signUp(t);
      await db.updateTable('refresh_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', session.user.user_id).execute();
      expectError(await call(t, 'POST', '/auth/refresh', { body: { refresh_token: session.refresh_token } }), 401, 'INVALID_TOKEN');
      expectError(await call(t, 'POST', '/auth/refresh', { body: { refresh_token: 'x'.repeat(43) } }), 401, 'INVALID_TOKEN');
      expectError(await call(t, 'POST', '/auth/refresh', { body: { refresh_token: 'short' } }), 400, 'BAD_REQUEST');
    });

    test('logout revokes the refresh token, and saying it twice is fine', async () => {
      const session = await signUp(t);
      assert.equal((await call(t, 'POST', '/auth/logout', { body: { refresh_token: session.refresh_token } })).status, 204);
      expectError(await call(t, 'POST', '/auth/refresh', { body: { refresh_token: session.refresh_token } }), 401, 'INVALID_TOKEN');
      assert.equal((await call(t, 'POST', '/auth/logout', { body: { refresh_token: session.refresh_token } })).status, 204);
      assert.equal((await call(t, 'POST', '/auth/logout', { body: { refresh_token: 'y'.repeat(43) } })).status, 204);
    });

    test('a missing, forged or expired access token is refused with its own code', async () => {
      const session = await signUp(t);
      const now = Math.floor(Date.now() / 1000);
      const signed = async (secret: string, expiresAt: number) =>
        new SignJWT({ guest: false })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(session.user.user_id)
          .setIssuer('guandan-global')
          .setIssuedAt(now - 120)
          .setExpirationTime(expiresAt)
          .sign(new TextEncoder().encode(secret));
      const secret = t.server.platform.config.jwtSecret;
      // The hand-made token is right in every other way: valid while its time lasts.
      expectOk(await call(t, 'GET', '/users/me', { token: await signed(secret, now + 60) }), UserSchema);
      expectError(await call(t, 'GET', '/users/me', { token: await signed(secret, now - 60) }), 401, 'TOKEN_EXPIRED');
      expectError(await call(t, 'GET', '/users/me', { token: await signed('another-secret-of-at-least-32-characters', now + 60) }), 401, 'INVALID_TOKEN');
      expectError(await call(t, 'GET', '/users/me', { token: 'not.a.jwt' }), 401, 'INVALID_TOKEN');
      expectError(await call(t, 'GET', '/users/me', { token: session.refresh_token }), 401, 'INVALID_TOKEN');
      expectError(await call(t, 'GET', '/users/me'), 401, 'UNAUTHORIZED');
    });

    test('a guest gets a named account with starting coins and a working session', async () => {
      const guest = expectOk(await call(t, 'POST', '/auth/guest', { body: {} }), SessionSchema);
      assert.equal(guest.user.is_guest, true);
      assert.equal(guest.user.email, null);
      assert.match(guest.user.username, /^Guest-[A-Z0-9]{5}$/);
      assert.equal(guest.user.game_coin_balance, STARTING_COINS);
      assert.notEqual(guest.user.last_login, null);
      assert.deepEqual(expectOk(await call(t, 'GET', '/users/me', { token: guest.jwt }), UserSchema), guest.user);
      const refreshed = expectOk(await call(t, 'POST', '/auth/refresh', { body: { refresh_token: guest.refresh_token } }), SessionSchema);
      assert.equal(refreshed.user.user_id, guest.user.user_id);

      const bodyless = expectOk(await call(t, 'POST', '/auth/guest'), SessionSchema);
      assert.notEqual(bodyless.user.user_id, guest.user.user_id);

      const { username } = newAccount();
      assert.equal(expectOk(await call(t, 'POST', '/auth/guest', { body: { username } }), SessionSchema).user.username, username);
      expectError(await call(t, 'POST', '/auth/guest', { body: { username } }), 409, 'USERNAME_TAKEN');
    });
  });
}

describe('auth rate limit', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  after(async () => t.cleanup());

  test('past the limit an auth route answers 429 RATE_LIMITED', async () => {
    const body = { email: newAccount().email, password: 'whatever-password' };
    for (let attempt = 1; attempt <= 3; attempt++) expectError(await call(t, 'POST', '/auth/login', { body }), 401, 'INVALID_CREDENTIALS');
    expectError(await call(t, 'POST', '/auth/login', { body }), 429, 'RATE_LIMITED');
  });
});

describe('age in whole years', () => {
  test('grows by one on each birthday and never between (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 40_000 }), (birth, days) => {
        const born = birth.toISOString().slice(0, 10);
        const later = new Date(Date.parse(born) + days * 86_400_000);
        const day = later.toISOString().slice(0, 10);
        const age = ageOn(born, day);
        // Counted independently: the last birthday on or before `day` (29 February falls to 1 March in common years).
        let years = later.getUTCFullYear() - birth.getUTCFullYear();
        const birthday = new Date(Date.UTC(later.getUTCFullYear(), birth.getUTCMonth(), birth.getUTCDate()));
        if (birthday.getTime() > Date.parse(day)) years -= 1;
        assert.equal(age, years);
      }),
    );
  });
});
