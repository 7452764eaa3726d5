import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import { keyExistingUsernames } from './username-keys-migration.js';

/**
 * Every migration by name, run in name order on SQLite and PostgreSQL alike (no SQL only one of them speaks, but for
 * the audit log's own key and its append-only triggers, written for each).
 */
export const MIGRATIONS: Record<string, Migration> = {
  '001_accounts': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.unique())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text')
        .addColumn('avatar_url', 'text')
        .addColumn('wallet_address', 'text', (c) => c.unique())
        .addColumn('game_coin_balance', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('total_wins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('total_losses', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('total_score', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_guest', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_login', 'text')
        .execute();
      await db.schema
        .createTable('refresh_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('friendships')
        .addColumn('requester_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('addressee_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('friendships_pk', ['requester_id', 'addressee_id'])
        .execute();
      await db.schema.createIndex('friendships_addressee').on('friendships').column('addressee_id').execute();
    },
  },
  '002_games': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('rooms')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('game_mode', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('invite_code', 'text', (c) => c.unique())
        .addColumn('creator_id', 'text')
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('seats', 'text', (c) => c.notNull())
        .addColumn('game_id', 'text')
        .addColumn('rating', 'double precision')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rooms_status_mode').on('rooms').columns(['status', 'game_mode']).execute();
      // One active room per user: the unique user_id is what refuses a second seat anywhere.
      await db.schema
        .createTable('room_members')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('room_id', 'text', (c) => c.notNull())
        .addColumn('seat', 'integer', (c) => c.notNull())
        .addColumn('joined_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('room_members_room').on('room_members').column('room_id').execute();
      await db.schema
        .createTable('game_tables')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('room_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('game_tables_status').on('game_tables').column('status').execute();
      await db.schema
        .createTable('table_events')
        .addColumn('table_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('action', 'text')
        .addColumn('actor_user_id', 'text')
        .addColumn('client_msg_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('table_events_pk', ['table_id', 'seq'])
        .addUniqueConstraint('table_events_client_msg', ['table_id', 'actor_user_id', 'client_msg_id'])
        .execute();
    },
  },
  '003_records': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('game_records')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('room_id', 'text', (c) => c.notNull())
        .addColumn('game_mode', 'text', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .addColumn('seed', 'text', (c) => c.notNull())
        .addColumn('rules', 'text', (c) => c.notNull())
        .addColumn('actions', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('game_participants')
        .addColumn('game_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('seat', 'integer', (c) => c.notNull())
        .addColumn('team', 'integer', (c) => c.notNull())
        .addColumn('won', 'integer', (c) => c.notNull())
        .addColumn('ended_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('game_participants_pk', ['game_id', 'user_id'])
        .execute();
      await db.schema.createIndex('game_participants_user').on('game_participants').columns(['user_id', 'ended_at']).execute();
      await db.schema
        .createTable('outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .execute();
      await db.schema.createIndex('outbox_unpublished').on('outbox').columns(['published_at', 'created_at']).execute();
      await db.schema
        .createTable('processed_events')
        .addColumn('consumer', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('processed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('processed_events_pk', ['consumer', 'event_id'])
        .execute();
    },
  },
  '004_economy_and_ranking': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('coin_ledger')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('amount', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('balance_after', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('coin_ledger_user').on('coin_ledger').columns(['user_id', 'created_at']).execute();
      await db.schema
        .createTable('ratings')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('rating', 'double precision', (c) => c.notNull())
        .addColumn('games', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('leaderboard')
        .addColumn('board', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('wins', 'integer', (c) => c.notNull())
        .addColumn('games', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('leaderboard_pk', ['board', 'user_id'])
        .execute();
      await db.schema.createIndex('leaderboard_board_score').on('leaderboard').columns(['board', 'score']).execute();
    },
  },
  '005_friendship_pairs': {
    async up(db: Kysely<unknown>) {
      // The primary key alone lets two users' crossing requests make two rows; one row per unordered pair.
      await db.schema.alterTable('friendships').addColumn('pair_key', 'text').execute();
      await db.schema.createIndex('friendships_pair').on('friendships').column('pair_key').unique().execute();
    },
  },
  '006_wallets': {
    async up(db: Kysely<unknown>) {
      // users.wallet_address is unique since 001; addresses are written checksummed, so one wallet has one spelling.
      await db.schema.alterTable('users').addColumn('wallet_type', 'text').execute();
      await db.schema
        .createTable('wallet_nonces')
        .addColumn('nonce', 'text', (c) => c.primaryKey())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('wallet_nonces_expires').on('wallet_nonces').column('expires_at').execute();
    },
  },
  '007_rewards': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('rewards')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('game_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('amount_milli', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('batch_id', 'text')
        .addColumn('wallet_address', 'text')
        .addColumn('tx_hash', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('rewards_game_user', ['game_id', 'user_id'])
        .execute();
      await db.schema.createIndex('rewards_user_day').on('rewards').columns(['user_id', 'day']).execute();
      await db.schema.createIndex('rewards_status').on('rewards').columns(['status', 'created_at']).execute();
      await db.schema.createIndex('rewards_batch').on('rewards').column('batch_id').execute();
      await db.schema
        .createTable('reward_batches')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('tx_hash', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '008_chain_index': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('chain_events')
        .addColumn('block_number', 'integer', (c) => c.notNull())
        .addColumn('log_index', 'integer', (c) => c.notNull())
        .addColumn('tx_hash', 'text', (c) => c.notNull())
        .addColumn('contract', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('args', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('chain_events_pk', ['tx_hash', 'log_index'])
        .execute();
      await db.schema.createIndex('chain_events_kind').on('chain_events').columns(['contract', 'event', 'block_number']).execute();
      await db.schema
        .createTable('chain_cursors')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('next_block', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '009_username_keys': {
    async up(db: Kysely<unknown>) {
      // Names are compared NFKC-normalised and case-folded; existing clashes and refused names are settled first.
      await db.schema.alterTable('users').addColumn('username_key', 'text').execute();
      await keyExistingUsernames(db);
      await db.schema.createIndex('users_username_fold').on('users').column('username_key').unique().execute();
    },
  },
  '009b_login_throttle': {
    async up(db: Kysely<unknown>) {
      // Wrong passwords by (account, address) replace the account lock (users.failed_logins and locked_until are
      // no longer read or written).
      await db.schema
        .createTable('login_failures')
        .addColumn('account_hash', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('failed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_failures_account').on('login_failures').columns(['account_hash', 'address', 'failed_at']).execute();
      await db.schema.createIndex('login_failures_address').on('login_failures').columns(['address', 'failed_at']).execute();
      await db.schema.createIndex('login_failures_time').on('login_failures').column('failed_at').execute();
    },
  },
  '010_reward_reconciliation': {
    async up(db: Kysely<unknown>) {
      // The block each batch's mint was mined in: confirmations count from it, and confirmed batches in recent
      // blocks are checked on chain again (a crash of the local chain or a reorg can drop them).
      await db.schema.alterTable('reward_batches').addColumn('mined_block', 'integer').execute();
      // How often a batch was found missing on chain and sent again (its rewards are not announced twice).
      await db.schema.alterTable('reward_batches').addColumn('remints', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.createIndex('reward_batches_status_block').on('reward_batches').columns(['status', 'mined_block']).execute();
    },
  },
  '011_table_snapshots': {
    async up(db: Kysely<unknown>) {
      // A table's snapshot is written at the end of each deal (and every few events), no longer with every event:
      // the column tells which event it was taken after; recovery replays the log from there.
      await db.schema.alterTable('game_tables').renameColumn('version', 'snapshot_seq').execute();
    },
  },
  '012_coin_balances': {
    async up(db: Kysely<unknown>) {
      // Game coin balances move from the users row to the coins domain's own table, beside the ledger they sum.
      await db.schema
        .createTable('coin_balances')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
        .addColumn('balance', 'integer', (c) => c.notNull().check(sql`balance >= 0`))
        .execute();
      await sql`insert into coin_balances (user_id, balance) select id, game_coin_balance from users`.execute(db);
      await db.schema.alterTable('users').dropColumn('game_coin_balance').execute();
    },
  },
  '013_reward_wallets': {
    async up(db: Kysely<unknown>) {
      // The economy keeps the wallet each person is paid to, from the WalletLinked events, instead of reading the
      // users table; the wallets linked before are copied once here.
      await db.schema
        .createTable('reward_wallets')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('wallet_address', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into reward_wallets (user_id, wallet_address) select id, wallet_address from users where wallet_address is not null`.execute(db);
    },
  },
  '014_operator_side': {
    async up(db: Kysely<unknown>) {
      const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
      // auth: each sign-in with where it came from (the console's sessions and addresses), and the moment before
      // which a user's access tokens no longer count (an operator signed them out everywhere).
      await db.schema
        .createTable('sign_ins')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('sign_ins_user').on('sign_ins').columns(['user_id', 'at']).execute();
      await db.schema.createIndex('sign_ins_address').on('sign_ins').columns(['address', 'at']).execute();
      await db.schema
        .createTable('session_cutoffs')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('not_before', 'text', (c) => c.notNull())
        .execute();
      // moderation: mutes, suspensions and bans, lifted rather than deleted
      await db.schema
        .createTable('sanctions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('imposed_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text')
        .addColumn('lifted_at', 'text')
        .addColumn('lifted_by', 'text')
        .addColumn('lift_reason', 'text')
        .execute();
      await db.schema.createIndex('sanctions_user').on('sanctions').columns(['user_id', 'created_at']).execute();
      await db.schema.createIndex('sanctions_open').on('sanctions').columns(['lifted_at', 'kind', 'user_id']).execute();
      // admin: staff roles, and the audit log of every operator action
      await db.schema
        .createTable('staff_roles')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('granted_by', 'text')
        .addColumn('granted_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', postgres ? 'serial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .execute();
      await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_id', 'id']).execute();
      await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'id']).execute();
      await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'id']).execute();
      // The log is append-only in the database itself, not only in the code that writes it.
      if (postgres) {
        await sql`create function audit_log_append_only() returns trigger language plpgsql as $$ begin raise exception 'the audit log is append-only'; end $$`.execute(db);
        await sql`create trigger audit_log_append_only before update or delete on audit_log for each row execute function audit_log_append_only()`.execute(db);
      } else {
        await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
        await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
      }
    },
  },
  '015_moderation_cases': {
    async up(db: Kysely<unknown>) {
      // moderation: the queue of cases, from players' reports and from the anti-cheat's detectors, and the accounts
      // each is about (a collusion case names several).
      await db.schema
        .createTable('moderation_cases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reporter_id', 'text')
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('score', 'double precision')
        .addColumn('game_id', 'text')
        .addColumn('position', 'integer')
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('dedupe_key', 'text', (c) => c.unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .addColumn('resolved_by', 'text')
        .addColumn('outcome', 'text')
        .execute();
      await db.schema.createIndex('moderation_cases_queue').on('moderation_cases').columns(['status', 'created_at']).execute();
      await db.schema.createIndex('moderation_cases_reporter').on('moderation_cases').columns(['reporter_id', 'created_at']).execute();
      await db.schema
        .createTable('case_subjects')
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_subjects_pk', ['case_id', 'user_id'])
        .execute();
      await db.schema.createIndex('case_subjects_user').on('case_subjects').columns(['user_id', 'case_id']).execute();
    },
  },
  '016_anticheat_runs': {
    async up(db: Kysely<unknown>) {
      // anticheat: each run of the detectors over the recent games, and what it found.
      await db.schema
        .createTable('anticheat_runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('games', 'integer', (c) => c.notNull())
        .addColumn('accounts', 'integer', (c) => c.notNull())
        .addColumn('signals', 'integer', (c) => c.notNull())
        .addColumn('cases_opened', 'integer', (c) => c.notNull())
        .addColumn('error', 'text')
        .execute();
      await db.schema.createIndex('anticheat_runs_started').on('anticheat_runs').column('started_at').execute();
      // records: the detectors read the games of a recent window.
      await db.schema.createIndex('game_records_ended').on('game_records').column('ended_at').execute();
    },
  },
  '017_analytics': {
    async up(db: Kysely<unknown>) {
      // analytics: daily rollups of the domain events. Days are whole days since 1970-01-01 (UTC), so a day N days
      // later is plain arithmetic on either database.
      await db.schema
        .createTable('analytics_player_days')
        .addColumn('day', 'integer', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('analytics_player_days_pk', ['day', 'user_id'])
        .execute();
      await db.schema
        .createTable('analytics_days')
        .addColumn('day', 'integer', (c) => c.primaryKey())
        .addColumn('active_players', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('analytics_game_days')
        .addColumn('day', 'integer', (c) => c.notNull())
        .addColumn('game_mode', 'text', (c) => c.notNull())
        .addColumn('games', 'integer', (c) => c.notNull())
        .addColumn('deals', 'integer', (c) => c.notNull())
        .addColumn('human_seats', 'integer', (c) => c.notNull())
        .addColumn('bot_seats', 'integer', (c) => c.notNull())
        .addColumn('quit_seats', 'integer', (c) => c.notNull())
        .addColumn('auto_play_seats', 'integer', (c) => c.notNull())
        .addColumn('match_ms', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('analytics_game_days_pk', ['day', 'game_mode'])
        .execute();
      await db.schema
        .createTable('analytics_accounts')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('signed_up_day', 'integer')
        .addColumn('games', 'integer', (c) => c.notNull())
        .addColumn('first_game_day', 'integer')
        .addColumn('tenth_game_day', 'integer')
        .addColumn('wallet_day', 'integer')
        .addColumn('first_reward_day', 'integer')
        .addColumn('active_day_1', 'integer', (c) => c.notNull())
        .addColumn('active_day_7', 'integer', (c) => c.notNull())
        .addColumn('active_day_30', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('analytics_accounts_signed_up').on('analytics_accounts').column('signed_up_day').execute();
      // coins: analytics reads the ledger's flows over a range of days.
      await db.schema.createIndex('coin_ledger_created').on('coin_ledger').column('created_at').execute();
    },
  },
  '018_sign_in_devices': {
    async up(db: Kysely<unknown>) {
      // auth: the install id each sign-in came with (DEVICE_ID_HEADER), so accounts sharing a device are seen.
      await db.schema.alterTable('sign_ins').addColumn('device_id', 'text').execute();
      await db.schema.createIndex('sign_ins_device').on('sign_ins').columns(['device_id', 'at']).execute();
    },
  },
  '019_payments': {
    async up(db: Kysely<unknown>) {
      // payments: each purchase from the shop and where its payment stands, every provider event applied (once),
      // and the holds on accounts whose refunded or disputed coins were already spent.
      await db.schema
        .createTable('purchases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('coins', 'integer', (c) => c.notNull())
        .addColumn('amount_minor', 'integer', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('checkout_id', 'text')
        .addColumn('payment_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('coins_taken_back', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('paid_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('purchases_user').on('purchases').columns(['user_id', 'created_at']).execute();
      await db.schema
        .createTable('payment_events')
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('purchase_id', 'text')
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('payment_events_pk', ['provider', 'event_id'])
        .execute();
      await db.schema
        .createTable('payment_holds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('purchase_id', 'text', (c) => c.notNull())
        .addColumn('owed_coins', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('lifted_at', 'text')
        .addColumn('lifted_by', 'text')
        .addColumn('lift_reason', 'text')
        .execute();
      await db.schema.createIndex('payment_holds_user').on('payment_holds').columns(['user_id', 'lifted_at']).execute();
    },
  },
  '020_responsible_play': {
    async up(db: Kysely<unknown>) {
      // payments: each player's own spending limits (a raise waits out a cooling-off period) and self-exclusions.
      await db.schema
        .createTable('spending_limits')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('limit_minor', 'integer')
        .addColumn('pending_limit_minor', 'integer')
        .addColumn('pending_from', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('spending_limits_pk', ['user_id', 'period'])
        .execute();
      await db.schema
        .createTable('self_exclusions')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('until', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '021_kyc': {
    async up(db: Kysely<unknown>) {
      // kyc: each person's identity check per tier with the provider (its applicant, where it stands), and every
      // provider event applied (once).
      await db.schema
        .createTable('kyc_checks')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('tier', 'integer', (c) => c.notNull())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('applicant_id', 'text')
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('event_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('kyc_checks_pk', ['user_id', 'tier'])
        .execute();
      await db.schema
        .createTable('kyc_events')
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('event_key', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('kyc_events_pk', ['provider', 'event_key'])
        .execute();
    },
  },
  '022_birth_dates': {
    async up(db: Kysely<unknown>) {
      // users: the date of birth given at sign-up (the age gate), or once later by an account made without one.
      await db.schema.alterTable('users').addColumn('birth_date', 'text').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the database to the latest schema; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
