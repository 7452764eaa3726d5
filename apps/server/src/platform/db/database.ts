import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Config } from '../../config.js';
import { migrateToLatest } from './migrations.js';
import { ownerOnlyDatabaseFile } from './owner-only-files.js';
import { preparedOnce } from './prepared-once.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
/** A query runs on the database or inside a transaction. */
export type Executor = Db | Transaction<Database>;

/** Opens the configured database (SQLite file or PostgreSQL) and migrates it; `onQuery` counts each statement run. */
export async function openDatabase(
  database: Config['database'],
  onIdleError: (error: Error) => void = () => undefined,
  onQuery: () => void = () => undefined,
): Promise<Db> {
  const db = new Kysely<Database>({
    dialect: dialectFor(database, onIdleError),
    // Kysely logs every statement once, as a query or as an error.
    log: () => onQuery(),
  });
  await migrateToLatest(db as unknown as Kysely<unknown>);
  return db;
}

function dialectFor(database: Config['database'], onIdleError: (error: Error) => void): SqliteDialect | PostgresDialect {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    // An idle client whose connection the server ends (restart, failover) must not crash the process.
    pool.on('error', onIdleError);
    return new PostgresDialect({ pool });
  }
  if (database.file !== ':memory:') ownerOnlyDatabaseFile(database.file);
  const sqlite = new BetterSqlite3(database.file);
  // WAL keeps readers off the writer's back. With synchronous=NORMAL a committed action survives a killed process
  // (the WAL is written before commit returns); only a power cut can lose the last commits.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return new SqliteDialect({ database: preparedOnce(sqlite) });
}

/** Now as stored: ISO 8601 UTC text. */
export const nowIso = (): string => new Date().toISOString();
