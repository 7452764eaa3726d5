import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { MIGRATIONS } from '../src/platform/db/migrations.js';

/**
 * Migrations that move data between domains: a database is brought to the migration before, given rows as the
 * schema then held them, and migrated to the latest.
 */
describe('migrations that move data', () => {
  let dir: string;
  let db: Kysely<unknown>;
  let migrator: Migrator;
  const accounts = [
    { id: '00000001-0000-4000-8000-000000000001', coins: 1234, wallet: '0x00000000000000000000000000000000000000A1' },
    { id: '00000002-0000-4000-8000-000000000002', coins: 0, wallet: null },
  ];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'migrations-'));
    db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(join(dir, 'old.sqlite')) }) });
    migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
    assert.equal((await migrator.migrateTo('011_table_snapshots')).error, undefined);
    for (const [index, account] of accounts.entries()) {
      await sql`insert into users (id, username, username_key, created_at, game_coin_balance, wallet_address) values (${account.id}, ${`old${index}`}, ${`old${index}`}, ${'2026-01-01T00:00:00.000Z'}, ${account.coins}, ${account.wallet})`.execute(db);
    }
    assert.equal((await migrator.migrateToLatest()).error, undefined);
  });

  after(async () => {
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  test('012: each account keeps its coins, now in coin_balances, and the users row no longer holds them', async () => {
    const moved = await sql<{ user_id: string; balance: number }>`select user_id, balance from coin_balances order by user_id`.execute(db);
    assert.deepEqual(moved.rows, accounts.map((account) => ({ user_id: account.id, balance: account.coins })));
    const columns = await sql<{ name: string }>`select name from pragma_table_info('users')`.execute(db);
    assert.ok(!columns.rows.some((column) => column.name === 'game_coin_balance'));
  });

  test('013: the wallets linked before are the ones rewards are paid to; an account without one has none', async () => {
    const wallets = await sql<{ user_id: string; wallet_address: string }>`select user_id, wallet_address from reward_wallets`.execute(db);
    assert.deepEqual(wallets.rows, [{ user_id: accounts[0].id, wallet_address: accounts[0].wallet }]);
  });
});
