import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../src/api/api-error';
import { createHttpClient } from '../src/api/http-client';
import { inProcessLock } from '../src/api/refresh-lock';
import { createSessionApi } from '../src/api/session-api';
import { type ConsoleSession, memorySessionStore } from '../src/api/session-store';
import { fakeFetch, json, platformSession, refusal, type Responder } from './support/fake-fetch';

const NOW = 1_000_000;
const ME = { user_id: '11111111-1111-4111-8111-111111111111', username: 'op', role: 'operator' as const };
const signedIn = (jwt = 'jwt-1', refreshToken = 'refresh-1', expiresAt = NOW + 900_000): ConsoleSession => ({ jwt, refreshToken, expiresAt, me: ME });

function client(respond: Responder, session: ConsoleSession | null = signedIn()) {
  const { fetch, seen } = fakeFetch(respond);
  const sessions = memorySessionStore(session);
  const http = createHttpClient({ apiRoot: '/v4', fetch, sessions, sessionApi: createSessionApi('/v4', fetch), refreshLock: inProcessLock(), now: () => NOW });
  return { http, sessions, seen };
}

/** A server whose jwt-1 has run out and which refreshes refresh-1 into jwt-2 / refresh-2 once. */
const expiringServer: Responder = (request) => {
  if (request.path === '/v4/auth/refresh') {
    const body = request.body as { refresh_token: string };
    return body.refresh_token === 'refresh-1' ? json(200, platformSession('jwt-2', 'refresh-2')) : refusal(401, 'INVALID_TOKEN');
  }
  if (request.headers.get('authorization') === 'Bearer jwt-1') return refusal(401, 'TOKEN_EXPIRED');
  return json(200, { path: request.path });
};

test('requests carry the jwt and the query, and come back as JSON', async () => {
  const { http, seen } = client(() => json(200, { items: [], total: 0 }));
  const page = await http.json<{ total: number }>('/admin/users', { query: new URLSearchParams({ page: '1' }) });
  assert.equal(page.total, 0);
  assert.equal(seen[0].path, '/v4/admin/users');
  assert.equal(seen[0].query.get('page'), '1');
  assert.equal(seen[0].headers.get('authorization'), 'Bearer jwt-1');
  assert.equal(seen[0].headers.get('content-type'), null);
});

test('a body is sent as JSON and a 204 reads as nothing', async () => {
  const { http, seen } = client(() => new Response(null, { status: 204 }));
  const answer = await http.json<void>('/admin/users/u/sign-out', { method: 'POST', body: { reason: 'stolen session' } });
  assert.equal(answer, undefined);
  assert.equal(seen[0].method, 'POST');
  assert.equal(seen[0].headers.get('content-type'), 'application/json');
  assert.deepEqual(seen[0].body, { reason: 'stolen session' });
});

test('an expired token is refreshed once and the request sent again; the new tokens are kept', async () => {
  const { http, sessions, seen } = client(expiringServer);
  assert.deepEqual(await http.json('/admin/me'), { path: '/v4/admin/me' });
  assert.deepEqual(
    seen.map((request) => request.path),
    ['/v4/admin/me', '/v4/auth/refresh', '/v4/admin/me'],
  );
  assert.equal(seen[2].headers.get('authorization'), 'Bearer jwt-2');
  assert.deepEqual(sessions.read(), { jwt: 'jwt-2', refreshToken: 'refresh-2', expiresAt: NOW + 900_000, me: ME });
});

test('requests that find the token expired together refresh it once (a spent refresh token would sign out)', async () => {
  const { http, seen } = client(expiringServer);
  await Promise.all([http.json('/admin/users'), http.json('/admin/audit'), http.json('/admin/me')]);
  assert.equal(seen.filter((request) => request.path === '/v4/auth/refresh').length, 1);
});

test('a token about to run out is refreshed before the request', async () => {
  const { http, seen } = client(expiringServer, signedIn('jwt-1', 'refresh-1', NOW + 5_000));
  await http.json('/admin/me');
  assert.deepEqual(
    seen.map((request) => request.path),
    ['/v4/auth/refresh', '/v4/admin/me'],
  );
});

test('a refused refresh ends the session and fails with 401', async () => {
  const { http, sessions } = client(expiringServer, signedIn('jwt-1', 'refresh-spent'));
  await assert.rejects(http.json('/admin/me'), (error: unknown) => error instanceof ApiError && error.status === 401);
  assert.equal(sessions.read(), null);
});

test('a revoked session (not an expired token) is not refreshed', async () => {
  const { http, seen } = client(() => refusal(401, 'SIGNED_OUT', 'signed out by an operator'));
  await assert.rejects(http.json('/admin/me'), (error: unknown) => error instanceof ApiError && error.code === 'SIGNED_OUT' && error.message === 'gg.error.SIGNED_OUT');
  assert.equal(seen.length, 1);
});

test('a refusal carries the status, the code and words for people', async () => {
  const { http } = client(() => refusal(403, 'FORBIDDEN', 'a moderator cannot ban'));
  await assert.rejects(http.json('/admin/users/u/sanctions', { method: 'POST', body: {} }), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 403);
    assert.equal(error.message, 'gg.error.FORBIDDEN');
    assert.equal(error.serverMessage, 'a moderator cannot ban');
    return true;
  });
});

test('no session: nothing is sent', async () => {
  const { http, seen } = client(() => json(200, {}), null);
  await assert.rejects(http.json('/admin/me'), (error: unknown) => error instanceof ApiError && error.status === 401);
  assert.equal(seen.length, 0);
});

test('no answer is a network error, and the session stays', async () => {
  const { http, sessions } = client(() => {
    throw new TypeError('fetch failed');
  });
  await assert.rejects(http.json('/admin/me'), (error: unknown) => error instanceof ApiError && error.code === 'NETWORK');
  assert.notEqual(sessions.read(), null);
});

test('refreshes wait for each other: the second finds the first one’s tokens', async () => {
  const lock = inProcessLock();
  const order: string[] = [];
  await Promise.all([
    lock(async () => {
      order.push('a start');
      await new Promise((resolve) => setImmediate(resolve));
      order.push('a end');
    }),
    lock(async () => {
      order.push('b');
    }),
  ]);
  assert.deepEqual(order, ['a start', 'a end', 'b']);
  // A failed task does not block the next.
  await assert.rejects(lock(() => Promise.reject(new Error('x'))));
  assert.equal(await lock(async () => 'next'), 'next');
});
