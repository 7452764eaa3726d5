import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { startMatch } from '@guandan/engine';
import type { Kysely } from 'kysely';
import { openDatabase } from '../src/platform/db/database.js';
import type { Database } from '../src/platform/db/schema.js';
import { AnsweredMessages } from '../src/tables/answered-messages.js';
import type { TableSnapshot } from '../src/tables/snapshot.js';
import { SqlTableRepository } from '../src/tables/sql-table-repository.js';
import type { TableEvent } from '../src/tables/table-reducer.js';
import { freshPostgresDatabase, skipWithoutPostgres } from './support/server.js';

function newTable(people: (string | null)[]): TableSnapshot {
  return {
    gameId: crypto.randomUUID(),
    roomId: crypto.randomUUID(),
    gameMode: 'custom',
    baseBet: 10,
    replacementLevel: 'normal',
    state: startMatch({ seed: 'repository' }).state,
    seats: people.map((userId, seat) => ({ seat: seat as 0 | 1 | 2 | 3, userId, username: `p${seat}`, botLevel: userId === null ? 'normal' : null, autoPlay: false, timeouts: 0, quit: false })),
    deadline: null,
    startedAt: new Date().toISOString(),
  };
}

/** A chat line as a logged event (the repository stores any event the same way). */
function chat(seq: number, userId: string, clientMsgId: string): TableEvent {
  return { seq, kind: 'CHAT_MESSAGE', payload: { roomId: 'r', seat: 0, username: 'p0', emoji: 'clap' }, action: null, actorUserId: userId, clientMsgId, at: Date.now() };
}

function timeout(seq: number): TableEvent {
  return { seq, kind: 'TIMED_OUT', payload: { seat: 1 }, action: null, actorUserId: null, clientMsgId: null, at: Date.now() };
}

function repositoryTests(open: () => Promise<{ db: Kysely<Database>; close: () => Promise<void> }>): void {
  /** Runs `work` on a repository over a fresh database, closed after. */
  async function withRepository(work: (repository: SqlTableRepository) => Promise<void>): Promise<void> {
    const { db, close } = await open();
    try {
      await work(new SqlTableRepository(db));
    } finally {
      await close();
    }
  }

  test("every client message id in the log is known again with its event's seq; events without one are not", () =>
    withRepository(async (repository) => {
      const [li, wang] = [crypto.randomUUID(), crypto.randomUUID()];
      const table = newTable([li, wang, null, null]);
      await repository.insert(table);
      // Two people may pick the same id: each is theirs.
      const events = [chat(1, li, 'play-1'), timeout(2), chat(3, wang, 'hello'), chat(4, wang, 'play-1')];
      for (const event of events) await repository.append({ gameId: table.gameId, events: [event] });
      const answered = new AnsweredMessages(await repository.clientMessages(table.gameId));
      assert.equal(answered.seqOf(li, 'play-1'), 1);
      assert.equal(answered.seqOf(wang, 'hello'), 3);
      assert.equal(answered.seqOf(wang, 'play-1'), 4);
      assert.equal(answered.seqOf(li, 'hello'), undefined, "one person's id is not another's");
      const [read] = await repository.eventsAfter(table.gameId, 2, 1);
      assert.deepEqual(read, events[2], 'an event reads back as it was written');
    }));

  test('writes of many tables commit in one group; a table whose next seq is taken is refused alone, with nothing half written', () =>
    withRepository(async (repository) => {
      const user = crypto.randomUUID();
      const tables = [newTable([user, null, null, null]), newTable([user, null, null, null]), newTable([user, null, null, null])];
      for (const table of tables) await repository.insert(table);
      // Another node already wrote the second table's event 1.
      await repository.append({ gameId: tables[1].gameId, events: [chat(1, user, 'elsewhere')] });
      const outcomes = await Promise.allSettled(
        tables.map((table) => repository.append({ gameId: table.gameId, events: [chat(1, user, `m-${table.gameId}`), timeout(2)], snapshot: { table: { ...table, deadline: 42 }, status: 'playing' } })),
      );
      assert.deepEqual(
        outcomes.map((outcome) => outcome.status),
        ['fulfilled', 'rejected', 'fulfilled'],
      );
      assert.equal((outcomes[1] as PromiseRejectedResult).reason.code, 'CONFLICT');
      for (const [index, table] of tables.entries()) {
        const stored = await repository.load(table.gameId);
        const refused = index === 1;
        assert.deepEqual(
          stored?.events.map((event) => [event.seq, event.clientMsgId]),
          refused ? [[1, 'elsewhere']] : [],
          'the log after the snapshot',
        );
        assert.equal(stored?.snapshotSeq, refused ? 0 : 2, 'the snapshot went with its events, or not at all');
        assert.equal(stored?.snapshot.deadline, refused ? null : 42);
      }
    }));

  test('a table loads as its last snapshot and every event after it; the status follows the snapshot', () =>
    withRepository(async (repository) => {
      const user = crypto.randomUUID();
      const table = newTable([user, null, null, null]);
      await repository.insert(table);
      await repository.append({ gameId: table.gameId, events: [chat(1, user, 'a'), chat(2, user, 'b')], snapshot: { table: { ...table, baseBet: 20 }, status: 'playing' } });
      await repository.append({ gameId: table.gameId, events: [chat(3, user, 'c')] });
      await repository.append({ gameId: table.gameId, events: [timeout(4)] });
      const stored = await repository.load(table.gameId);
      assert.equal(stored?.snapshot.baseBet, 20);
      assert.equal(stored?.snapshotSeq, 2);
      assert.deepEqual(
        stored?.events.map((event) => event.seq),
        [3, 4],
      );
      assert.deepEqual(await repository.playingIds(), [table.gameId]);
      await repository.append({ gameId: table.gameId, events: [chat(5, user, 'd')], snapshot: { table, status: 'finished' }, alsoInTransaction: async () => undefined });
      assert.deepEqual(await repository.playingIds(), []);
      assert.equal((await repository.load(table.gameId))?.status, 'finished');
    }));
}

describe('the table repository on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'table-repository-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  repositoryTests(async () => {
    const db = await openDatabase({ kind: 'sqlite', file: join(dir, `${crypto.randomUUID()}.sqlite`) });
    return { db, close: () => db.destroy() };
  });
});

describe('the table repository on PostgreSQL', { skip: await skipWithoutPostgres() }, () => {
  repositoryTests(async () => {
    const fresh = await freshPostgresDatabase();
    const db = await openDatabase({ kind: 'postgres', url: fresh.url });
    return {
      db,
      close: async () => {
        await db.destroy();
        await fresh.drop();
      },
    };
  });
});
