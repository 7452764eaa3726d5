import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHttpClient } from '../src/api/http-client';
import { inProcessLock } from '../src/api/refresh-lock';
import { createSessionApi } from '../src/api/session-api';
import { memorySessionStore } from '../src/api/session-store';
import { createDataProvider } from '../src/data-provider';
import { fakeFetch, json, noContent, type Responder } from './support/fake-fetch';

const USER_ID = '22222222-2222-4222-8222-222222222222';
const SANCTION_ID = '33333333-3333-4333-8333-333333333333';
const adminUser = {
  user_id: USER_ID,
  username: 'ann',
  email: 'ann@example.com',
  wallet_address: null,
  is_guest: false,
  created_at: '2026-12-01T00:00:00.000Z',
  last_login: null,
  game_coin_balance: 1000,
  role: 'player',
  standing: { muted_until: null, suspended_until: null, banned: false },
};
const sanction = {
  sanction_id: SANCTION_ID,
  user_id: USER_ID,
  kind: 'mute',
  reason: 'spam',
  imposed_by: null,
  created_at: '2026-12-01T00:00:00.000Z',
  ends_at: null,
  lifted_at: null,
  lifted_by: null,
  lift_reason: null,
};

function provider(respond: Responder) {
  const { fetch, seen } = fakeFetch(respond);
  const sessions = memorySessionStore({ jwt: 'jwt', refreshToken: 'refresh', expiresAt: Date.now() + 900_000, me: { user_id: 'me', username: 'op', role: 'admin' } });
  const http = createHttpClient({ apiRoot: '/v4', fetch, sessions, sessionApi: createSessionApi('/v4', fetch), refreshLock: inProcessLock() });
  return { dataProvider: createDataProvider(http), seen };
}

test('the users list: filters and paging in the query, ids from user_id', async () => {
  const { dataProvider, seen } = provider(() => json(200, { items: [adminUser], total: 41 }));
  const result = await dataProvider.getList('users', { pagination: { page: 2, perPage: 20 }, sort: { field: 'created_at', order: 'DESC' }, filter: { q: 'ann', standing: 'muted', other: 'x' } });
  assert.equal(result.total, 41);
  assert.equal(result.data[0].id, USER_ID);
  assert.equal(seen[0].path, '/v4/admin/users');
  assert.equal(seen[0].query.toString(), 'page=2&per_page=20&q=ann&standing=muted');
});

test('the audit list keys entries by audit_id and takes its own filters', async () => {
  const entry = { audit_id: 7, at: '2026-12-01T00:00:00.000Z', actor_id: null, actor_name: 'command line', action: 'role.set', target_type: 'user', target_id: USER_ID, reason: 'first admin', before: { role: 'player' }, after: { role: 'admin' } };
  const { dataProvider, seen } = provider(() => json(200, { items: [entry], total: 1 }));
  const result = await dataProvider.getList('audit', { pagination: { page: 1, perPage: 25 }, sort: { field: 'at', order: 'DESC' }, filter: { action: 'role.set', q: 'x' } });
  assert.equal(result.data[0].id, 7);
  assert.equal(seen[0].query.toString(), 'page=1&per_page=25&action=role.set');
});

test("a player's page: sanctions keyed by sanction_id", async () => {
  const detail = { ...adminUser, total_wins: 1, total_losses: 2, total_score: 3, rating: null, rated_games: 0, active_sessions: 1, sign_ins: [], addresses: [], sanctions: [sanction] };
  const { dataProvider, seen } = provider(() => json(200, detail));
  const { data } = await dataProvider.getOne('users', { id: USER_ID });
  assert.equal(data.id, USER_ID);
  assert.equal(data.sanctions[0].id, SANCTION_ID);
  assert.equal(seen[0].path, `/v4/admin/users/${USER_ID}`);
});

test("a player's ledger and games come by reference to the player", async () => {
  const { dataProvider, seen } = provider((request) =>
    request.path.endsWith('/ledger')
      ? json(200, { items: [{ entry_id: 'e1', amount: 5, reason: 'win', balance_after: 5, created_at: '2026-12-01T00:00:00.000Z' }], total: 1 })
      : json(200, { items: [], total: 0 }),
  );
  const ledger = await dataProvider.getManyReference('ledger', { target: 'user_id', id: USER_ID, pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'DESC' }, filter: {} });
  assert.equal(ledger.data[0].id, 'e1');
  await dataProvider.getManyReference('games', { target: 'user_id', id: USER_ID, pagination: { page: 3, perPage: 10 }, sort: { field: 'id', order: 'DESC' }, filter: {} });
  assert.deepEqual(
    seen.map((request) => `${request.path}?${request.query}`),
    [`/v4/admin/users/${USER_ID}/ledger?page=1&per_page=25`, `/v4/admin/users/${USER_ID}/games?page=3&per_page=10`],
  );
});

test('the actions call their routes with their bodies', async () => {
  const { dataProvider, seen } = provider((request) => {
    if (request.path.endsWith('/sign-out')) return noContent();
    if (request.path.endsWith('/coin-corrections')) return json(200, { applied: true, balance: 1500 });
    if (request.path.endsWith('/role')) return json(200, { ...adminUser, role: 'moderator' });
    return json(201, sanction);
  });
  await dataProvider.imposeSanction(USER_ID, { kind: 'mute', reason: 'spam', ends_at: null });
  await dataProvider.liftSanction(USER_ID, SANCTION_ID, ' apologised ');
  await dataProvider.signOutEverywhere(USER_ID, 'stolen session');
  assert.deepEqual(await dataProvider.correctCoins(USER_ID, { amount: 500, reason: 'refund', idempotency_key: 'k' }), { applied: true, balance: 1500 });
  assert.equal((await dataProvider.setRole(USER_ID, 'moderator', 'new moderator')).role, 'moderator');
  assert.deepEqual(
    seen.map((request) => [request.method, request.path.replace(USER_ID, 'U').replace(SANCTION_ID, 'S'), request.body]),
    [
      ['POST', '/v4/admin/users/U/sanctions', { kind: 'mute', reason: 'spam', ends_at: null }],
      ['POST', '/v4/admin/users/U/sanctions/S/lift', { reason: 'apologised' }],
      ['POST', '/v4/admin/users/U/sign-out', { reason: 'stolen session' }],
      ['POST', '/v4/admin/users/U/coin-corrections', { amount: 500, reason: 'refund', idempotency_key: 'k' }],
      ['PUT', '/v4/admin/users/U/role', { role: 'moderator', reason: 'new moderator' }],
    ],
  );
});

test('an export downloads the file under the name the server gave', async () => {
  const { dataProvider, seen } = provider(
    () => new Response('audit_id,at\n1,2026-12-01\n', { status: 200, headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="audit-log.csv"' } }),
  );
  const { blob, filename } = await dataProvider.exportAudit({ action: 'coins.correct' }, 'csv');
  assert.equal(filename, 'audit-log.csv');
  assert.equal(await blob.text(), 'audit_id,at\n1,2026-12-01\n');
  assert.equal(seen[0].query.toString(), 'action=coins.correct&format=csv');
  assert.equal(seen[0].headers.get('accept'), 'text/csv');
});

test('the console never writes through the generic calls', async () => {
  const { dataProvider, seen } = provider(() => json(200, {}));
  await assert.rejects(dataProvider.update('users', { id: USER_ID, data: {}, previousData: {} }));
  await assert.rejects(dataProvider.delete('users', { id: USER_ID }));
  await assert.rejects(dataProvider.create('users', { data: {} }));
  assert.equal(seen.length, 0);
});

const CASE_ID = '77777777-7777-4777-8777-777777777777';
const GAME_ID = '88888888-8888-4888-8888-888888888888';
const moderationCase = {
  case_id: CASE_ID,
  source: 'report',
  category: 'abuse',
  status: 'open',
  subject_ids: [USER_ID],
  subject_names: ['ann'],
  reporter_id: null,
  reporter_name: null,
  note: 'insults',
  score: null,
  game_id: GAME_ID,
  position: null,
  evidence: { chat: [] },
  created_at: '2026-12-01T00:00:00.000Z',
  resolved_at: null,
  resolved_by: null,
  outcome: null,
};
const tableSummary = {
  game_id: GAME_ID,
  room_id: GAME_ID,
  game_mode: 'quick_match',
  base_bet: 0,
  started_at: '2026-12-01T00:00:00.000Z',
  last_event_at: null,
  events: 3,
  deal: 1,
  deals_completed: 0,
  levels: ['2', '2'],
  stuck: false,
  status: 'playing',
  ended_reason: null,
  seats: [],
};

test('the moderation queue: its filters in the query, cases keyed by case_id; one case by its id', async () => {
  const { dataProvider, seen } = provider((request) => (request.path.endsWith(CASE_ID) ? json(200, moderationCase) : json(200, { items: [moderationCase], total: 1 })));
  const list = await dataProvider.getList('cases', { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: { status: 'open', source: 'report', q: 'x' } });
  assert.equal(list.data[0].id, CASE_ID);
  const { data } = await dataProvider.getOne('cases', { id: CASE_ID });
  assert.equal(data.id, CASE_ID);
  assert.deepEqual(
    seen.map((request) => `${request.path}?${request.query}`),
    ['/v4/admin/cases?page=1&per_page=25&status=open&source=report', `/v4/admin/cases/${CASE_ID}?`],
  );
});

test("a player's cases are the queue filtered to the player, whatever their status", async () => {
  const { dataProvider, seen } = provider(() => json(200, { items: [moderationCase], total: 1 }));
  const result = await dataProvider.getManyReference('cases', { target: 'subject_id', id: USER_ID, pagination: { page: 2, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
  assert.equal(result.data[0].id, CASE_ID);
  assert.equal(seen[0].query.toString(), `page=2&per_page=10&subject_id=${USER_ID}`);
  await assert.rejects(dataProvider.getManyReference('cases', { target: 'user_id', id: USER_ID, pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} }));
});

test('closing a case posts the resolution with the outcome trimmed', async () => {
  const { dataProvider, seen } = provider(() => json(200, { ...moderationCase, status: 'actioned', outcome: 'muted for a day' }));
  const closed = await dataProvider.resolveCase(CASE_ID, 'actioned', '  muted for a day  ');
  assert.equal(closed.status, 'actioned');
  assert.deepEqual([seen[0].method, seen[0].path, seen[0].body], ['POST', `/v4/admin/cases/${CASE_ID}/resolve`, { status: 'actioned', outcome: 'muted for a day' }]);
});

test('live tables: filters in the query, tables keyed by game_id; watching one reads it with every hand', async () => {
  const watched = { ...tableSummary, phase: 'play', turn: 0, deadline: null, hands: [['H7'], [], [], []], views: [] };
  const { dataProvider, seen } = provider((request) => (request.path.endsWith(GAME_ID) ? json(200, watched) : json(200, { items: [tableSummary], total: 1 })));
  const list = await dataProvider.getList('tables', { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: { mode: 'quick_match', stuck: 'false', user_id: USER_ID, node: 'node-b', min_age_minutes: 30, q: 'x' } });
  assert.equal(list.data[0].id, GAME_ID);
  const { data } = await dataProvider.getOne('tables', { id: GAME_ID });
  assert.deepEqual([data.id, data.hands], [GAME_ID, [['H7'], [], [], []]]);
  assert.deepEqual(
    seen.map((request) => `${request.path}?${request.query}`),
    [`/v4/admin/tables?page=1&per_page=25&mode=quick_match&stuck=false&user_id=${USER_ID}&node=node-b&min_age_minutes=30`, `/v4/admin/tables/${GAME_ID}?`],
  );
});

test('ending a table posts the trimmed reason to the table, and answers what counts', async () => {
  const ended = { game_id: GAME_ID, deals_completed: 2, levels: ['4', '3'], reason: 'stuck since the outage' };
  const { dataProvider, seen } = provider(() => json(200, ended));
  assert.deepEqual(await dataProvider.endTable(GAME_ID, '  stuck since the outage \n'), ended);
  assert.deepEqual(
    seen.map((request) => [request.method, `${request.path}?${request.query}`, request.body]),
    [['POST', `/v4/admin/tables/${GAME_ID}/end?`, { reason: 'stuck since the outage' }]],
  );
});

test('a refused ending is the platform’s error, with its status and code', async () => {
  const { dataProvider } = provider(() => json(409, { error: { code: 'CONFLICT', message: 'this game is already over' } }));
  await assert.rejects(dataProvider.endTable(GAME_ID, 'stuck'), { name: 'ApiError', status: 409, code: 'CONFLICT', serverMessage: 'this game is already over' });
});

test('the economy is one record, the overview; batches are a list by status, retried with a reason', async () => {
  const batchId = `0x${'ab'.repeat(32)}`;
  const overview = { daily_cap_milli: 500_000, minted_by_day: [], minter: { pending_rewards: 0, oldest_pending_at: null, open_batches: 0, failed_batches: 0, last_confirmed_at: null }, indexer: [], proposals: [], coins: { accounts: 0, supply: 0, flows_by_day: [] }, treasury: { status: 'chain_off', address: null, play: null, guan: null, usdc: null } };
  const batch = { batch_id: batchId, status: 'failed', rewards: 1, amount_milli: 1500, attempts: 5, last_error: 'out of gas', tx_hash: null, created_at: '2026-12-01T00:00:00.000Z', updated_at: '2026-12-01T00:00:00.000Z' };
  const { dataProvider, seen } = provider((request) => {
    if (request.path.endsWith('/retry')) return noContent();
    if (request.path.endsWith('/batches')) return json(200, { items: [batch], total: 1 });
    return json(200, overview);
  });
  const { data } = await dataProvider.getOne('economy', { id: 'overview' });
  assert.deepEqual([data.id, data.daily_cap_milli], ['overview', 500_000]);
  await assert.rejects(dataProvider.getOne('economy', { id: 'yesterday' }));
  const batches = await dataProvider.getList('batches', { pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: { status: 'failed' } });
  assert.equal(batches.data[0].id, batchId);
  assert.equal(await dataProvider.retryBatch(batchId, ' the gas price came down '), undefined);
  assert.deepEqual(
    seen.map((request) => [request.method, `${request.path}?${request.query}`, request.body]),
    [
      ['GET', '/v4/admin/economy?', undefined],
      ['GET', '/v4/admin/economy/batches?page=1&per_page=10&status=failed', undefined],
      ['POST', `/v4/admin/economy/batches/${batchId}/retry?`, { reason: 'the gas price came down' }],
    ],
  );
});

test('an analytics report is one record per range of days, its id naming the range', async () => {
  const report = { from: '2026-12-01', to: '2026-12-07', days: [], active: { daily: 1, weekly: 2, monthly: 3 }, cohorts: [], funnel: { signed_up: 0, first_game: 0, ten_games: 0, wallet_linked: 0, first_reward: 0 } };
  const { dataProvider, seen } = provider(() => json(200, report));
  const { data } = await dataProvider.getOne('analytics', { id: '2026-12-01..2026-12-07' });
  assert.deepEqual([data.id, data.active.monthly], ['2026-12-01..2026-12-07', 3]);
  for (const id of ['last-week', '2026-12-07..2026-12-01', '2026-12-01..2026-12-32']) await assert.rejects(dataProvider.getOne('analytics', { id }), id);
  assert.deepEqual(
    seen.map((request) => [request.method, `${request.path}?${request.query}`]),
    [['GET', '/v4/admin/analytics?from=2026-12-01&to=2026-12-07']],
  );
});

test('a resource the console does not read is refused without a request', async () => {
  const { dataProvider, seen } = provider(() => json(200, {}));
  await assert.rejects(dataProvider.getList('constructor', { pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' }, filter: {} }));
  await assert.rejects(dataProvider.getOne('audit', { id: 1 }));
  assert.equal(seen.length, 0);
});

const HOLD_ID = '99999999-9999-4999-8999-999999999999';
const PURCHASE_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const hold = {
  hold_id: HOLD_ID,
  user_id: USER_ID,
  username: 'ann',
  purchase_id: PURCHASE_ID,
  owed_coins: 700,
  reason: 'purchase refunded: 700 coins already spent',
  created_at: '2026-12-01T00:00:00.000Z',
  lifted_at: null,
  lifted_by: null,
  lift_reason: null,
};
const purchase = {
  purchase_id: PURCHASE_ID,
  product_id: 'coins_1200',
  coins: 1200,
  price_minor: 99,
  currency: 'usd',
  status: 'refunded',
  coins_taken_back: 1200,
  created_at: '2026-12-01T00:00:00.000Z',
  paid_at: '2026-12-01T00:01:00.000Z',
};

test('payment holds: a list by status and account, keyed by hold_id; lifting posts the trimmed reason to the hold', async () => {
  const { dataProvider, seen } = provider((request) =>
    request.path.endsWith('/lift') ? json(200, { ...hold, lifted_at: '2026-12-02T00:00:00.000Z', lifted_by: 'me', lift_reason: 'paid back by bank transfer' }) : json(200, { items: [hold], total: 1 }),
  );
  const list = await dataProvider.getList('holds', { pagination: { page: 2, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: { status: 'open', user_id: ` ${USER_ID} `, q: 'x' } });
  assert.deepEqual([list.data[0].id, list.total], [HOLD_ID, 1]);
  const lifted = await dataProvider.liftHold(HOLD_ID, '  paid back by bank transfer \n');
  assert.equal(lifted.lift_reason, 'paid back by bank transfer');
  assert.deepEqual(
    seen.map((request) => [request.method, `${request.path}?${request.query}`, request.body]),
    [
      ['GET', `/v4/admin/payments/holds?page=2&per_page=25&status=open&user_id=${USER_ID}`, undefined],
      ['POST', `/v4/admin/payments/holds/${HOLD_ID}/lift?`, { reason: 'paid back by bank transfer' }],
    ],
  );
});

test('lifting a hold lifted already is the platform’s CONFLICT', async () => {
  const { dataProvider } = provider(() => json(409, { error: { code: 'CONFLICT', message: 'this hold was lifted already' } }));
  await assert.rejects(dataProvider.liftHold(HOLD_ID, 'settled'), { name: 'ApiError', status: 409, code: 'CONFLICT' });
});

test("a player's purchases come by reference to the player, keyed by purchase_id; the identity tier is one record per account", async () => {
  const kyc = { enabled: false, tier: 0, check: null, tier1_above_monthly_minor: 10_000 };
  const { dataProvider, seen } = provider((request) => (request.path.endsWith('/kyc') ? json(200, kyc) : json(200, { items: [purchase], total: 1 })));
  const purchases = await dataProvider.getManyReference('purchases', { target: 'user_id', id: USER_ID, pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'DESC' }, filter: {} });
  assert.deepEqual([purchases.data[0].id, purchases.data[0].status], [PURCHASE_ID, 'refunded']);
  const { data } = await dataProvider.getOne('kyc', { id: USER_ID });
  assert.deepEqual(data, { ...kyc, id: USER_ID });
  await assert.rejects(dataProvider.getManyReference('purchases', { target: 'subject_id', id: USER_ID, pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'DESC' }, filter: {} }));
  assert.deepEqual(
    seen.map((request) => [request.method, `${request.path}?${request.query}`]),
    [
      ['GET', `/v4/admin/users/${USER_ID}/purchases?page=1&per_page=25`],
      ['GET', `/v4/admin/users/${USER_ID}/kyc?`],
    ],
  );
});
