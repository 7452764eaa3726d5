import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { expectError } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/server.js';

const METRICS_TOKEN = 'metrics-scraper-secret-0123456789';

async function metrics(t: TestServer, authorization?: string) {
  const response = await fetch(`${t.url}/metrics`, { headers: authorization === undefined ? {} : { authorization } });
  const text = await response.text();
  return { status: response.status, text, body: response.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : undefined };
}

describe('/metrics is for the scraper holding METRICS_TOKEN', () => {
  let open: TestServer;
  let guarded: TestServer;
  before(async () => {
    open = await startTestServer();
    guarded = await startTestServer({ env: { METRICS_TOKEN } });
  });
  after(async () => {
    await open.cleanup();
    await guarded.cleanup();
  });

  test('without METRICS_TOKEN nobody is served', async () => {
    const answer = await metrics(open);
    expectError(answer, 403, 'FORBIDDEN');
    assert.doesNotMatch(answer.text, /guandan_/);
  });

  test('with it, only its bearer is served; anyone else gets a typed refusal', async () => {
    for (const authorization of [undefined, 'Bearer', `Bearer ${METRICS_TOKEN}x`, `Basic ${METRICS_TOKEN}`, METRICS_TOKEN]) {
      const answer = await metrics(guarded, authorization);
      expectError(answer, 401, 'UNAUTHORIZED');
      assert.doesNotMatch(answer.text, /guandan_/);
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), minLength: 1, maxLength: 40 }), async (guess) => {
        fc.pre(guess !== METRICS_TOKEN);
        expectError(await metrics(guarded, `Bearer ${guess}`), 401, 'UNAUTHORIZED');
      }),
      { numRuns: 25 },
    );
    const scraped = await metrics(guarded, `Bearer ${METRICS_TOKEN}`);
    assert.equal(scraped.status, 200);
    assert.match(scraped.text, /# TYPE guandan_ws_connections gauge/);
  });
});
