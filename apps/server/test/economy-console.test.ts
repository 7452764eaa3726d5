import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { AuditEntrySchema, EconomyOverviewSchema, pageOf, RewardBatchSchema } from '@guandan/protocol';
import { call, expectError, expectOk } from './support/accounts.js';
import { playGame, recordGame, signUpGuests } from './support/finished-games.js';
import { skipWithoutPostgres, startTestServer, type StoreKind, type TestServer } from './support/server.js';
import { firstAdmin, type Staff, staffMember } from './support/staff.js';
import { eventually } from './support/table-play.js';

const STARTING_COINS = 1000;
const BatchesPage = pageOf(RewardBatchSchema);
const postgresSkip = await skipWithoutPostgres();

for (const store of ['sqlite', 'postgres'] satisfies StoreKind[]) describe(`the economy for operators on ${store}`, { skip: store === 'postgres' ? postgresSkip : false }, () => {
  let t: TestServer;
  let admin: Staff;
  let operator: Staff;
  before(async () => {
    t = await startTestServer({ store, env: { STARTING_COINS: String(STARTING_COINS), AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
    admin = await firstAdmin(t);
    operator = await staffMember(t, admin, 'operator');
  });
  after(async () => t.cleanup());

  test('rewards per day, coins granted, won and lost: the overview adds up what the games paid', async () => {
    const players = await signUpGuests(t, 'eco', 4);
    const game = playGame({ seed: 'economy-1', seats: players, baseBet: 10 });
    await recordGame(t, game);
    const { db } = t.server.platform;
    const rewards = await eventually(
      'the rewards of the game',
      () => db.selectFrom('rewards').select(['user_id', 'amount_milli']).where('game_id', '=', game.gameId).execute(),
      (rows) => rows.length > 0,
    );
    const settled = await eventually(
      'the settlement of the game',
      () => db.selectFrom('coin_ledger').select(['amount']).where('reason', 'like', 'deal %').where('user_id', 'in', players.map((player) => player.userId)).execute(),
      (rows) => rows.length > 0,
    );
    const overview = expectOk(await call(t, 'GET', '/admin/economy', { token: operator.session.jwt }), EconomyOverviewSchema);
    const today = game.endedAt.slice(0, 10);
    const day = overview.minted_by_day.find((row) => row.day === today);
    assert.ok(day !== undefined);
    assert.equal(day.unconfirmed_milli + day.confirmed_milli + day.failed_milli, rewards.reduce((sum, reward) => sum + reward.amount_milli, 0));
    assert.equal(day.accounts, new Set(rewards.map((reward) => reward.user_id)).size);
    assert.equal(day.accounts_at_cap, 0);
    assert.equal(overview.daily_cap_milli, 500_000);
    assert.equal(overview.minter.pending_rewards, rewards.length, 'no chain here: every reward waits');
    assert.deepEqual(overview.treasury, { status: 'chain_off', address: null, play: null, guan: null, usdc: null });

    const flows = overview.coins.flows_by_day.find((row) => row.day === new Date().toISOString().slice(0, 10));
    assert.ok(flows !== undefined);
    const accounts = overview.coins.accounts;
    assert.equal(flows.granted, STARTING_COINS * accounts, 'every account here was made today with its starting coins');
    assert.equal(flows.won + flows.lost, settled.reduce((sum, entry) => sum + entry.amount, 0));
    assert.equal(overview.coins.supply, STARTING_COINS * accounts + flows.won + flows.lost + flows.corrected);
  });

  test('a failed reward batch is sent again once, audited; only a failed one', async () => {
    const { db } = t.server.platform;
    const players = await signUpGuests(t, 'batch', 1);
    const batchId = `0x${randomBytes(32).toString('hex')}`;
    const now = new Date().toISOString();
    await db.insertInto('reward_batches').values({ id: batchId, status: 'failed', tx_hash: null, attempts: 5, last_error: 'out of gas', mined_block: null, remints: 0, created_at: now, updated_at: now }).execute();
    await db
      .insertInto('rewards')
      .values({ id: `r-${batchId}`, user_id: players[0].userId, game_id: batchId, day: now.slice(0, 10), amount_milli: 1500, status: 'failed', batch_id: batchId, wallet_address: '0x0000000000000000000000000000000000000001', tx_hash: null, created_at: now, updated_at: now })
      .execute();
    const failed = expectOk(await call(t, 'GET', '/admin/economy/batches?status=failed', { token: operator.session.jwt }), BatchesPage);
    assert.deepEqual(
      failed.items.filter((batch) => batch.batch_id === batchId).map((batch) => [batch.rewards, batch.amount_milli, batch.attempts, batch.last_error]),
      [[1, 1500, 5, 'out of gas']],
    );

    const path = `/admin/economy/batches/${batchId}/retry`;
    expectError(await call(t, 'POST', path, { token: operator.session.jwt, body: {} }), 400, 'BAD_REQUEST');
    expectError(await call(t, 'POST', '/admin/economy/batches/12345/retry', { token: operator.session.jwt, body: { reason: 'the gas price came down' } }), 400, 'BAD_REQUEST');
    expectError(await call(t, 'POST', `/admin/economy/batches/0x${'ab'.repeat(32)}/retry`, { token: operator.session.jwt, body: { reason: 'the gas price came down' } }), 404, 'NOT_FOUND');
    assert.equal((await call(t, 'POST', path, { token: operator.session.jwt, body: { reason: 'the gas price came down' } })).status, 204);
    const batch = await db.selectFrom('reward_batches').select(['status', 'attempts', 'last_error']).where('id', '=', batchId).executeTakeFirstOrThrow();
    assert.deepEqual(batch, { status: 'open', attempts: 0, last_error: null });
    const reward = await db.selectFrom('rewards').select('status').where('batch_id', '=', batchId).executeTakeFirstOrThrow();
    assert.equal(reward.status, 'minting');
    expectError(await call(t, 'POST', path, { token: operator.session.jwt, body: { reason: 'again' } }), 409, 'CONFLICT');
    const audit = expectOk(await call(t, 'GET', `/admin/audit?target_id=${batchId}`, { token: admin.session.jwt }), pageOf(AuditEntrySchema));
    assert.deepEqual(audit.items.map((entry) => [entry.action, entry.reason]), [['rewards.retry_batch', 'the gas price came down']]);
  });
});
