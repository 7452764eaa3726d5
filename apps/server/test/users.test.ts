import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PublicUserSchema, UserSchema } from '@guandan/protocol';
import { CoinAccounts } from '../src/coins/coin-accounts.js';
import { UsersService } from '../src/users/users-service.js';
import { call, expectError, expectOk, newAccount, signUp } from './support/accounts.js';
import { startTestServer, type TestServer } from './support/server.js';

describe('users', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
  });
  after(async () => t.cleanup());

  test('PATCH /users/me changes the username and avatar, and they stay changed', async () => {
    const session = await signUp(t);
    const { username } = newAccount();
    const avatar = 'https://cdn.example.com/a.png';
    const changed = expectOk(await call(t, 'PATCH', '/users/me', { token: session.jwt, body: { username: `  ${username} `, avatar_url: avatar } }), UserSchema);
    assert.equal(changed.username, username, 'the username is trimmed');
    assert.equal(changed.avatar_url, avatar);
    assert.deepEqual(expectOk(await call(t, 'GET', '/users/me', { token: session.jwt }), UserSchema), changed);

    const cleared = expectOk(await call(t, 'PATCH', '/users/me', { token: session.jwt, body: { avatar_url: null } }), UserSchema);
    assert.equal(cleared.avatar_url, null);
    assert.equal(cleared.username, username, 'what is not in the body is kept');
  });

  test("PATCH /users/me refuses another user's username and malformed changes", async () => {
    const taken = await signUp(t);
    const session = await signUp(t);
    expectError(await call(t, 'PATCH', '/users/me', { token: session.jwt, body: { username: taken.user.username } }), 409, 'USERNAME_TAKEN');
    for (const body of [{}, { avatar_url: 'javascript:alert(1)' }, { email: 'new@example.com' }]) {
      expectError(await call(t, 'PATCH', '/users/me', { token: session.jwt, body }), 400, 'BAD_REQUEST');
    }
    expectError(await call(t, 'PATCH', '/users/me', { token: session.jwt, body: { username: 'a' } }), 400, 'USERNAME_INVALID');
    assert.deepEqual(expectOk(await call(t, 'GET', '/users/me', { token: session.jwt }), UserSchema), session.user);
    expectError(await call(t, 'PATCH', '/users/me', { body: { username: newAccount().username } }), 401, 'UNAUTHORIZED');
  });

  test('GET /users/:userId shows the public profile only', async () => {
    const viewer = await signUp(t);
    const viewed = await signUp(t);
    const answer = await call(t, 'GET', `/users/${viewed.user.user_id}`, { token: viewer.jwt });
    expectOk(answer, PublicUserSchema);
    // The raw body, not the parsed one: parsing would drop a leaked field such as the email.
    assert.deepEqual(answer.body, {
      user_id: viewed.user.user_id,
      username: viewed.user.username,
      avatar_url: null,
      total_wins: 0,
      total_losses: 0,
      total_score: 0,
    });
    expectError(await call(t, 'GET', `/users/${crypto.randomUUID()}`, { token: viewer.jwt }), 404, 'NOT_FOUND');
    expectError(await call(t, 'GET', '/users/not-a-uuid', { token: viewer.jwt }), 400, 'BAD_REQUEST');
  });

  test('UsersService gives profiles by id, skipping unknown ids, and NOT_FOUND for an unknown user', async () => {
    const users = new UsersService(t.server.platform.db, new CoinAccounts(t.server.platform.db), 0);
    const [a, b] = [await signUp(t), await signUp(t)];
    const unknown = crypto.randomUUID();
    const profiles = await users.publicProfiles([a.user.user_id, b.user.user_id, a.user.user_id, unknown]);
    assert.deepEqual([...profiles.keys()].sort(), [a.user.user_id, b.user.user_id].sort());
    assert.equal(profiles.get(b.user.user_id)?.username, b.user.username);
    assert.equal((await users.publicProfiles([])).size, 0);
    assert.deepEqual(await users.get(a.user.user_id), expectOk(await call(t, 'GET', '/users/me', { token: a.jwt }), UserSchema));
    await assert.rejects(users.get(unknown), { code: 'NOT_FOUND' });
  });
});
