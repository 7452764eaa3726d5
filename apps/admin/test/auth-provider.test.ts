import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../src/api/api-error';
import { createSessionApi } from '../src/api/session-api';
import { memorySessionStore } from '../src/api/session-store';
import { createAuthProvider } from '../src/auth-provider';
import { fakeFetch, json, noContent, platformSession, refusal, type Responder } from './support/fake-fetch';

const NOW = 5_000_000;
const OPERATOR = { user_id: '11111111-1111-4111-8111-111111111111', username: 'op', role: 'operator' };

function provider(respond: Responder) {
  const { fetch, seen } = fakeFetch(respond);
  const sessions = memorySessionStore();
  const auth = createAuthProvider({ sessions, sessionApi: createSessionApi('/v4', fetch), now: () => NOW });
  return { auth, sessions, seen };
}

const platform =
  (adminMe: () => Response): Responder =>
  (request) => {
    if (request.path === '/v4/auth/login') return json(200, platformSession('jwt-1', 'refresh-1', 600));
    if (request.path === '/v4/auth/logout') return noContent();
    if (request.path === '/v4/admin/me') return adminMe();
    return refusal(404, 'NOT_FOUND');
  };

test('staff sign in: the session and the role are kept', async () => {
  const { auth, sessions, seen } = provider(platform(() => json(200, OPERATOR)));
  await auth.login({ email: ' op@example.com ', password: 'secret-password' });
  assert.deepEqual(seen[0].body, { email: 'op@example.com', password: 'secret-password' });
  assert.equal(seen[1].headers.get('authorization'), 'Bearer jwt-1');
  assert.deepEqual(sessions.read(), { jwt: 'jwt-1', refreshToken: 'refresh-1', expiresAt: NOW + 600_000, me: OPERATOR });
  await auth.checkAuth({});
  assert.equal(await auth.getPermissions?.({}), 'operator');
  assert.deepEqual(await auth.getIdentity?.(), { id: OPERATOR.user_id, fullName: 'op', role: 'operator' });
  assert.equal(await auth.canAccess?.({ resource: 'audit', action: 'list' }), true);
  assert.equal(await auth.canAccess?.({ resource: 'audit', action: 'export' }), false);
});

test('a player is refused, and the session just opened is closed again', async () => {
  const { auth, sessions, seen } = provider(platform(() => refusal(403, 'FORBIDDEN', 'staff only')));
  await assert.rejects(auth.login({ email: 'player@example.com', password: 'secret-password' }), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'NO_OPERATOR_ROLE');
    assert.equal(error.message, 'gg.error.NO_OPERATOR_ROLE');
    return true;
  });
  assert.equal(sessions.read(), null);
  const logout = seen.find((request) => request.path === '/v4/auth/logout');
  assert.deepEqual(logout?.body, { refresh_token: 'refresh-1' });
});

test('a me answer with the player role is refused too', async () => {
  const { auth, sessions } = provider(platform(() => json(200, { ...OPERATOR, role: 'player' })));
  await assert.rejects(auth.login({ email: 'player@example.com', password: 'x' }), (error: unknown) => error instanceof ApiError && error.code === 'NO_OPERATOR_ROLE');
  assert.equal(sessions.read(), null);
});

test('a wrong password or a banned account is refused in its own words', async () => {
  const { auth } = provider(() => refusal(403, 'ACCOUNT_BANNED', 'banned'));
  await assert.rejects(auth.login({ email: 'x@example.com', password: 'x' }), (error: unknown) => error instanceof Error && error.message === 'gg.error.ACCOUNT_BANNED');
});

test('signing out forgets the session and ends it on the server', async () => {
  const { auth, sessions, seen } = provider(platform(() => json(200, OPERATOR)));
  await auth.login({ email: 'op@example.com', password: 'x' });
  await auth.logout({});
  assert.equal(sessions.read(), null);
  assert.deepEqual(seen.at(-1)?.body, { refresh_token: 'refresh-1' });
  await assert.rejects(auth.checkAuth({}));
  assert.equal(await auth.getPermissions?.({}), null);
});

test('a 401 or a shut-out account signs the operator out; a refused action does not', async () => {
  const { auth } = provider(() => noContent());
  await assert.rejects(auth.checkError(new ApiError(401, 'TOKEN_EXPIRED', 'x', 'x')));
  await assert.rejects(auth.checkError(new ApiError(403, 'ACCOUNT_BANNED', 'x', 'x')));
  await assert.rejects(auth.checkError(new ApiError(403, 'ACCOUNT_SUSPENDED', 'x', 'x')));
  await auth.checkError(new ApiError(403, 'FORBIDDEN', 'x', 'x'));
  await auth.checkError(new ApiError(0, 'NETWORK', 'x', 'x'));
  await auth.checkError(new Error('anything else'));
});
