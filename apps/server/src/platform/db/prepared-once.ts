import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Distinct statements kept prepared. The platform's queries are a few hundred texts; a query whose text grows with
 * its input (an `in (...)` list) makes new texts, and the oldest are let go past this many.
 */
const KEPT_STATEMENTS = 1000;

/** What Kysely's SQLite dialect needs of a database: better-sqlite3's prepare and close. */
export interface PreparingDatabase {
  prepare(sql: string): SqliteStatement;
  close(): void;
}

/**
 * A SQLite database for Kysely that prepares each statement text once and runs it again on later calls, instead of
 * compiling the SQL on every query (Kysely's driver prepares every time). better-sqlite3 runs each statement to the
 * end before the next call, so one prepared statement serves every caller; streaming (`iterate`), which would hold a
 * statement open, is not used by the platform.
 */
export function preparedOnce(database: PreparingDatabase, kept = KEPT_STATEMENTS): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    prepare(sql) {
      const known = statements.get(sql);
      if (known !== undefined) return known;
      const statement = database.prepare(sql);
      if (statements.size >= kept) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      statements.set(sql, statement);
      return statement;
    },
    close() {
      statements.clear();
      database.close();
    },
  };
}
