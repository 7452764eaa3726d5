import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { GameRoomSchema } from '@guandan/protocol';
import fc from 'fast-check';
import { call, expectOk, signUp } from '../support/accounts.js';
import { playGame, recordGame, signUpGuest } from '../support/finished-games.js';
import { assertTypedError } from '../support/error-codes.js';
import { describeRequest, type FuzzRequest, type KnownValues, type Operation, operationsOf, requestsFor } from '../support/fuzz-openapi.js';
import { fuzzSeed, replayHint, seedFor } from '../support/fuzz-seed.js';
import { authorizationHeaders } from '../support/fuzz-tokens.js';
import { rawRequest, requestBytes } from '../support/raw-http.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { FakeStripe } from '../../tools/fakes/fake-stripe.js';
import { newWallet, walletSignIn } from '../support/wallets.js';

/**
 * Property: whatever a client sends to any route of the OpenAPI document (read from the running server, so new
 * routes are fuzzed without a change here), the server answers below 500 (503 CHAIN_OFF is the documented answer
 * of chain routes on a platform without a chain), every error is `{error: {code, message}}` with a code from the
 * protocol's list, and the process stays up. Most requests go through app.inject (in process, fast); a share goes
 * over real TCP so Node's own HTTP parser sees them too.
 *
 * The main run has CHAIN=off: starting anvil costs a second or two, and the chain routes' own logic is fuzzed in the
 * second run, on a local chain, with only the operations the first run found answering CHAIN_OFF.
 */

const SEED = fuzzSeed();
/** Requests generated across every operation in process (main run), and over real HTTP. */
const IN_PROCESS_REQUESTS = 9_200;
const OVER_HTTP_REQUESTS = 1_200;
const CHAIN_REQUESTS = 1_000;
const MINIMUM_REQUESTS = 10_000;

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/** Everything a run sent, and every property failure it found (all of them, not just the first). */
interface Tally {
  sent: number;
  failures: string[];
  chainOff: Set<string>;
}

/** Checks one answer against the property; throws (for fast-check to shrink) when it breaks it. */
function checkAnswer(request: FuzzRequest, answer: Answer, chainOff: boolean, onChainOff: () => void): void {
  const where = `${describeRequest(request)} -> ${answer.status} ${answer.body.slice(0, 300)}`;
  if (answer.status >= 400) {
    let body: unknown;
    try {
      body = JSON.parse(answer.body);
    } catch {
      assert.fail(`${where}: the error body is not JSON`);
    }
    assertTypedError(body, where);
    const code = (body as { error: { code: string } }).error.code;
    if (code === 'CHAIN_OFF') onChainOff();
    if (answer.status >= 500) assert.ok(chainOff && answer.status === 503 && code === 'CHAIN_OFF', `${where}: a server error`);
  } else if (answer.body !== '' && answer.contentType.startsWith('application/json')) {
    assert.doesNotThrow(() => JSON.parse(answer.body), `${where}: a success whose body is not JSON`);
  }
}

async function viaInject(t: TestServer, request: FuzzRequest): Promise<Answer> {
  const response = await t.server.app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: request.headers,
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
  return { status: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), body: response.body };
}

async function viaSocket(t: TestServer, request: FuzzRequest): Promise<Answer> {
  const answer = await rawRequest(t.url, requestBytes(request));
  return { status: answer.status, contentType: answer.headers['content-type'] ?? '', body: answer.body };
}

/** Runs the property for `requests` against `send`, recording failures instead of stopping at the first. */
async function fuzz(
  name: string,
  requests: fc.Arbitrary<FuzzRequest>,
  runs: number,
  send: (request: FuzzRequest) => Promise<Answer>,
  tally: Tally,
  options: { chainOff: boolean; key?: (request: FuzzRequest) => string },
): Promise<void> {
  const result = await fc.check(
    fc.asyncProperty(requests, async (request) => {
      tally.sent++;
      const answer = await send(request);
      checkAnswer(request, answer, options.chainOff, () => tally.chainOff.add(options.key?.(request) ?? name));
    }),
    { seed: seedFor(SEED, name), numRuns: runs },
  );
  if (result.failed) tally.failures.push(`${name}:\n${fc.defaultReportMessage(result)}\n${String(result.errorInstance)}`);
}

/** Real objects the fuzz can aim at, by parameter and field name: its own, another user's, and ones that never existed. */
async function knownObjects(t: TestServer, mine: { userId: string; jwt: string; refresh: string }, other: { userId: string; jwt: string; username: string }): Promise<KnownValues> {
  const myRoom = expectOk(await call(t, 'POST', '/game/rooms', { token: mine.jwt, body: { game_mode: 'custom' } }), GameRoomSchema, 201);
  const otherRoom = expectOk(await call(t, 'POST', '/game/rooms', { token: other.jwt, body: { game_mode: 'custom' } }), GameRoomSchema, 201);
  await call(t, 'POST', '/friends/requests', { token: other.jwt, body: { user_id: mine.userId } });
  const me = { userId: mine.userId, username: 'me', jwt: mine.jwt };
  const them = { userId: other.userId, username: other.username, jwt: other.jwt };
  const mineGame = playGame({ seed: 'fuzz-mine', seats: [me, 'easy', them, 'normal'], deals: 1 });
  const theirGame = playGame({ seed: 'fuzz-theirs', seats: [them, 'easy', 'hard', 'normal'], deals: 1 });
  await recordGame(t, mineGame);
  await recordGame(t, theirGame);
  const userIds = [mine.userId, other.userId, randomUUID()];
  return {
    userId: userIds,
    user_id: userIds,
    roomId: [myRoom.room_id, otherRoom.room_id, randomUUID()],
    gameId: [mineGame.gameId, theirGame.gameId, randomUUID()],
    invite_code: [otherRoom.invite_code, myRoom.invite_code].filter((code): code is string => code !== null),
    refresh_token: [mine.refresh],
    username: [other.username],
    token_id: ['0', '1', '2'],
    proposal_id: ['0', '1'],
  };
}

/** Operations from the server's own document. */
async function documentedOperations(t: TestServer): Promise<Operation[]> {
  const response = await t.server.app.inject({ method: 'GET', url: '/v4/openapi.json' });
  assert.equal(response.statusCode, 200);
  const operations = operationsOf(response.json());
  assert.ok(operations.length >= 40, `the document lists ${operations.length} operations`);
  return operations;
}

/** Whole requests that only a raw socket can send: bytes fetch and inject would refuse or rewrite. */
const RAW_ONLY: FuzzRequest[] = [
  { method: 'GET', url: '/v4/users/é', headers: {} },
  { method: 'GET', url: '/v4/users/\u202e', headers: {} },
  { method: 'GET', url: '/v4/ users', headers: {} },
  { method: 'GET', url: '/v4/users/%', headers: {} },
  { method: 'GET', url: '/v4/../../etc/passwd', headers: {} },
  { method: 'GET', url: 'http://evil.example/v4/users/me', headers: {} },
  { method: 'GET', url: '*', headers: {} },
  { method: 'FOO', url: '/v4/users/me', headers: {} },
  { method: 'GET', url: '/v4/users/me', headers: { authorization: `Bearer \u202e${'x'.repeat(10)}` } },
  { method: 'GET', url: '/v4/users/me', headers: { 'x-bad\u0000name': '1' } },
  { method: 'GET', url: '/v4/users/me', headers: { cookie: 'a'.repeat(20_000) } },
  { method: 'GET', url: `/v4/game/rooms?${'a=1&'.repeat(5000)}`, headers: {} },
  { method: 'POST', url: '/v4/auth/guest', headers: { 'content-type': 'application/json', 'content-length': '2' }, payload: '{}' },
  { method: 'POST', url: '/v4/auth/guest', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, payload: '2\r\n{}\r\n0\r\n\r\n' },
  { method: 'POST', url: '/v4/auth/guest', headers: { 'content-type': 'application/json' }, payload: `{"username":"${'x'.repeat(70_000)}"}` },
];

describe('REST fuzz of every route in the OpenAPI document', () => {
  let t: TestServer;
  let operations: Operation[];
  let known: KnownValues;
  let authorization: fc.Arbitrary<string | undefined>;
  const tally: Tally = { sent: 0, failures: [], chainOff: new Set() };
  const crashes: unknown[] = [];
  const onCrash = (error: unknown): void => void crashes.push(error);

  // The shop's routes are fuzzed open, against the local Stripe: closed, they would only answer SHOP_CLOSED.
  const stripe = new FakeStripe();

  before(async () => {
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    await stripe.start();
    // Auth routes would answer 429 after 30 requests a minute from one address; the fuzz wants their handlers.
    t = await startTestServer({
      env: {
        AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
        PAYMENTS: 'stripe',
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
        STRIPE_API_URL: stripe.url,
        PUBLIC_URL: 'http://play.example.test',
      },
    });
    const alice = await signUp(t);
    const bob = await signUpGuest(t, 'fuzz other');
    operations = await documentedOperations(t);
    known = await knownObjects(t, { userId: alice.user.user_id, jwt: alice.jwt, refresh: alice.refresh_token }, bob);
    authorization = await authorizationHeaders({
      jwtSecret: t.server.platform.config.jwtSecret,
      mine: { userId: alice.user.user_id, jwt: alice.jwt },
      other: { userId: bob.userId, jwt: bob.jwt },
    });
  });
  after(async () => {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    await t.cleanup();
    await stripe.stop();
  });

  test('every operation, in process: no 5xx, typed errors only', async (context) => {
    context.diagnostic(replayHint('fuzz-rest.test.ts', SEED));
    const runsEach = Math.ceil(IN_PROCESS_REQUESTS / operations.length);
    for (const operation of operations) {
      await fuzz(operation.key, requestsFor(operation, known, authorization), runsEach, (request) => viaInject(t, request), tally, { chainOff: true });
    }
    context.diagnostic(`${operations.length} operations, ${runsEach} requests each; chain routes: ${[...tally.chainOff].join(', ')}`);
    assert.deepEqual(tally.failures, [], tally.failures.join('\n\n'));
  });

  test('a share over real HTTP, through Node’s parser', async () => {
    const byKey = new Map(operations.map((operation) => [operation.key, operation]));
    const requests = fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...byKey.keys()).chain((key) => requestsFor(byKey.get(key) as Operation, known, authorization)) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_ONLY) },
    );
    const before = tally.failures.length;
    await fuzz('over HTTP', requests, OVER_HTTP_REQUESTS, (request) => viaSocket(t, request), tally, { chainOff: true });
    assert.deepEqual(tally.failures.slice(before), [], tally.failures.slice(before).join('\n\n'));
  });

  test(`at least ${MINIMUM_REQUESTS} requests, and the server is up and never crashed`, async () => {
    assert.ok(tally.sent >= MINIMUM_REQUESTS, `only ${tally.sent} requests were generated`);
    assert.deepEqual(crashes, []);
    const health = await fetch(`${t.url}/healthz`);
    assert.equal(health.status, 200);
    const ready = await fetch(`${t.url}/readyz`);
    assert.equal(ready.status, 200);
  });

  describe('the chain routes on a local chain', () => {
    let chain: TestServer;
    let chainAuthorization: fc.Arbitrary<string | undefined>;
    let chainKnown: KnownValues;

    before(async () => {
      chain = await startTestServer({ env: { CHAIN: 'local', AUTH_RATE_LIMIT_PER_MINUTE: '1000000', REWARD_SWEEP_MS: '600000' } });
      const holder = await walletSignIn(chain, newWallet());
      const bob = await signUpGuest(chain, 'fuzz chain other');
      chainKnown = { ...known, userId: [holder.user.user_id, bob.userId], user_id: [holder.user.user_id, bob.userId] };
      chainAuthorization = await authorizationHeaders({
        jwtSecret: chain.server.platform.config.jwtSecret,
        mine: { userId: holder.user.user_id, jwt: holder.jwt },
        other: { userId: bob.userId, jwt: bob.jwt },
      });
    });
    after(async () => chain.cleanup());

    test('what answered CHAIN_OFF above, fuzzed with a chain behind it: no 5xx, typed errors only', async (context) => {
      const chainOperations = operations.filter((operation) => tally.chainOff.has(operation.key));
      assert.ok(chainOperations.length > 0, 'the main run found the chain routes');
      const runsEach = Math.ceil(CHAIN_REQUESTS / chainOperations.length);
      const before = tally.failures.length;
      for (const operation of chainOperations) {
        await fuzz(`chain ${operation.key}`, requestsFor(operation, chainKnown, chainAuthorization), runsEach, (request) => viaInject(chain, request), tally, { chainOff: false });
      }
      context.diagnostic(`${chainOperations.length} chain operations, ${runsEach} requests each`);
      assert.deepEqual(tally.failures.slice(before), [], tally.failures.slice(before).join('\n\n'));
      assert.equal((await fetch(`${chain.url}/healthz`)).status, 200);
    });
  });
});
