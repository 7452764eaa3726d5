import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { preparedOnce } from '../src/platform/db/prepared-once.js';

interface Scores {
  scores: { name: string; points: number };
}

describe('SQLite statements prepared once (platform/db/prepared-once)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prepared-once-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a statement text is prepared once and gives the right rows each time it runs again', async () => {
    const sqlite = new BetterSqlite3(join(dir, 'one.sqlite'));
    let prepared = 0;
    const counting = { prepare: (sql: string) => (prepared++, sqlite.prepare(sql)), close: () => sqlite.close() };
    const db = new Kysely<Scores>({ dialect: new SqliteDialect({ database: preparedOnce(counting) }) });
    await db.schema.createTable('scores').addColumn('name', 'text', (column) => column.primaryKey()).addColumn('points', 'integer').execute();
    for (const [name, points] of [['li', 3], ['wang', 5], ['zhang', 8]] as const) await db.insertInto('scores').values({ name, points }).execute();
    const before = prepared;
    for (const [name, points] of [['li', 3], ['wang', 5], ['zhang', 8]] as const) {
      const row = await db.selectFrom('scores').select('points').where('name', '=', name).executeTakeFirstOrThrow();
      assert.equal(row.points, points);
    }
    assert.equal(prepared - before, 1, 'three runs of one select, one prepare');
    // A write through a kept statement is seen by the next read through another.
    await db.updateTable('scores').set({ points: 13 }).where('name', '=', 'li').execute();
    await db.updateTable('scores').set({ points: 21 }).where('name', '=', 'wang').execute();
    assert.deepEqual(await db.selectFrom('scores').select(['name', 'points']).orderBy('name').execute(), [
      { name: 'li', points: 13 },
      { name: 'wang', points: 21 },
      { name: 'zhang', points: 8 },
    ]);
    await db.destroy();
    assert.equal(sqlite.open, false, 'closing the database closes SQLite');
  });

  test('past its limit the oldest statement is let go and prepared again when it comes back', () => {
    const sqlite = new BetterSqlite3(join(dir, 'two.sqlite'));
    const texts: string[] = [];
    const database = preparedOnce({ prepare: (sql: string) => (texts.push(sql), sqlite.prepare(sql)), close: () => sqlite.close() }, 2);
    for (const sql of ['select 1', 'select 2', 'select 1', 'select 3', 'select 2', 'select 3']) database.prepare(sql);
    // select 1 and 2 kept; select 3 pushes out select 1 (the oldest); select 2 is still kept; select 3 is kept.
    assert.deepEqual(texts, ['select 1', 'select 2', 'select 3']);
    database.prepare('select 1');
    assert.deepEqual(texts, ['select 1', 'select 2', 'select 3', 'select 1']);
    database.close();
  });
});
