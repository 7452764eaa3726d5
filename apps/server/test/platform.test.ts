import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from './support/server.js';

const METRICS_TOKEN = 'platform-test-metrics-token';

describe('platform endpoints', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ env: { METRICS_TOKEN } });
  });
  after(async () => t.cleanup());

  test('health and readiness answer', async () => {
    assert.deepEqual(await (await fetch(`${t.url}/healthz`)).json(), { status: 'ok' });
    assert.deepEqual(await (await fetch(`${t.url}/readyz`)).json(), { status: 'ready' });
  });

  test('metrics are in the Prometheus text format', async () => {
    const text = await (await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    assert.match(text, /# TYPE guandan_ws_connections gauge/);
    assert.match(text, /guandan_actions_total/);
  });

  test('without a chain, GET /v4/chain answers null (a 200: every app start asks, and a console error each time is noise)', async () => {
    const response = await fetch(`${t.url}/v4/chain`);
    assert.deepEqual([response.status, await response.text()], [200, 'null']);
  });

  test('an unknown route is a NOT_FOUND error body', async () => {
    const response = await fetch(`${t.url}/v4/nothing-here`);
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
  });

  test('the OpenAPI document is served and the interactive docs load', async () => {
    type Operation = { requestBody?: { content: { 'application/json': { schema: { properties: Record<string, unknown>; required: string[] } } } } };
    const document = (await (await fetch(`${t.url}/v4/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, Operation>> };
    assert.equal(document.openapi, '3.1.0');
    for (const path of ['/v4/auth/register', '/v4/auth/login', '/v4/users/me', '/v4/game/rooms', '/v4/game/rooms/{roomId}', '/v4/ranking/{board}', '/v4/game/records/{gameId}/replay']) {
      assert.ok(path in document.paths, `${path} is documented`);
    }
    const register = document.paths['/v4/auth/register'].post.requestBody?.content['application/json'].schema;
    assert.deepEqual(Object.keys(register?.properties ?? {}).sort(), ['birth_date', 'email', 'password', 'username']);
    assert.deepEqual([...(register?.required ?? [])].sort(), ['birth_date', 'email', 'password', 'username']);
    const docs = await fetch(`${t.url}/docs/`);
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /swagger/i);
  });
});
