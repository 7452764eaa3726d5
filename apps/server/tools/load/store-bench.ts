/**
 * What the table log costs on SQLite: writing game actions for many tables at once (their events committed in
 * groups, a snapshot at the end of each deal and every 64 events), and recovering a long table from its last
 * snapshot and the events after it. Prints milliseconds of wall and CPU time.
 *
 *   npm run bench:store -w apps/server [-- --tables N --actions N --runs N --recovery-events N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { actorsOf, legalActions, nextInt, type Seat, seedRng, startMatch } from '@guandan/engine';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../src/platform/db/database.js';
import type { Database } from '../../src/platform/db/schema.js';
import type { TableSnapshot } from '../../src/tables/snapshot.js';
import { SqlTableRepository } from '../../src/tables/sql-table-repository.js';
import { decide, evolve, type NewTableEvent, recover, snapshotDue, type TableEvent, type TableSettings } from '../../src/tables/table-reducer.js';

const { values: options } = parseArgs({
  options: {
    tables: { type: 'string', default: '20' },
    actions: { type: 'string', default: '250' },
    runs: { type: 'string', default: '3' },
    'recovery-events': { type: 'string', default: '10000' },
  },
});
const TABLES = Number(options.tables);
const ACTIONS = Number(options.actions);
const SETTINGS: TableSettings = { dealBreakMs: 0 };

function newTable(seed: number): TableSnapshot {
  return {
    gameId: crypto.randomUUID(),
    roomId: crypto.randomUUID(),
    gameMode: 'custom',
    baseBet: 10,
    replacementLevel: 'normal',
    // No limit to failing at A: random players then make matches of many thousands of events.
    state: startMatch({ seed, rules: { aMaxFailures: 'none' } }).state,
    seats: ([0, 1, 2, 3] as const).map((seat) => ({ seat, userId: crypto.randomUUID(), username: `p${seat}`, botLevel: null, autoPlay: false, timeouts: 0, quit: false })),
    deadline: null,
    startedAt: new Date().toISOString(),
  };
}

const random = seedRng('store-bench');

/**
 * A table's next events: its first actor plays a random legal action (random players make long matches); once the
 * match is over, a chat line (so that a table can reach any number of events).
 */
function nextEvents(table: TableSnapshot, seq: number): TableEvent[] {
  const userId = table.seats[0].userId as string;
  if (table.state.phase === 'over') return numbered(decide(table, { op: 'chat', userId, clientMsgId: `c-${seq}`, content: { emoji: 'clap' } }, Date.now()), seq);
  const seat = actorsOf(table.state)[0] as Seat;
  const actions = legalActions(table.state, seat);
  const action = actions[nextInt(random, actions.length)];
  if (action === undefined || action.kind === 'timeUp') throw new Error('no move for a person');
  const { seat: _seat, ...move } = action;
  return numbered(decide(table, { op: 'act', userId: table.seats[seat].userId as string, clientMsgId: `m-${seq}`, move }, Date.now()), seq);
}

function numbered(events: NewTableEvent[], seq: number): TableEvent[] {
  return events.map((event, index) => ({ ...event, seq: seq + index + 1 }) as TableEvent);
}

async function withDatabase<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'store-bench-'));
  const db = await openDatabase({ kind: 'sqlite', file: join(dir, 'bench.sqlite') });
  try {
    return await work(db);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every table writes one action per round, all at once, as the tables of a busy server do. */
async function measureWrites(): Promise<{ wall: number; cpu: number }> {
  return withDatabase(async (db) => {
    const repository = new SqlTableRepository(db);
    const tables = Array.from({ length: TABLES }, (_, index) => ({ table: newTable(index + 1), version: 0, snapshotSeq: 0 }));
    for (const { table } of tables) await repository.insert(table);
    // The engine's and the reducer's work is the same for any store: prepared before the clock starts.
    const rounds = Array.from({ length: ACTIONS }, () =>
      tables.map((entry) => {
        const events = nextEvents(entry.table, entry.version);
        for (const event of events) entry.table = evolve(entry.table, event, SETTINGS);
        entry.version += events.length;
        const due = snapshotDue(events, entry.version, entry.snapshotSeq);
        if (due) entry.snapshotSeq = entry.version;
        return { gameId: entry.table.gameId, events, ...(due ? { snapshot: { table: entry.table, status: 'playing' as const } } : {}) };
      }),
    );
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (const writes of rounds) await Promise.all(writes.map((write) => repository.append(write)));
    const count = ACTIONS * TABLES;
    const cpu = process.cpuUsage(cpuBefore);
    return { wall: (performance.now() - started) / count, cpu: (cpu.user + cpu.system) / 1000 / count };
  });
}

/**
 * A table of about `eventCount` events, written as a live table writes them (a snapshot when `snapshotDue` says, or,
 * with `snapshots` false, none after the first), then loaded and rebuilt as a node taking it over does. A match of
 * random players ends after a few thousand actions: chat lines make up the rest.
 */
async function measureRecovery(eventCount: number, snapshots: boolean): Promise<{ wall: number; replayed: number; actions: number }> {
  return withDatabase(async (db) => {
    const repository = new SqlTableRepository(db);
    let table = newTable(7);
    await repository.insert(table);
    let version = 0;
    let snapshotSeq = 0;
    let actions = 0;
    while (version < eventCount) {
      const events = nextEvents(table, version);
      if (events[0]?.kind === 'PLAYER_ACTION') actions++;
      for (const event of events) table = evolve(table, event, SETTINGS);
      version += events.length;
      const due = snapshots && snapshotDue(events, version, snapshotSeq);
      if (due) snapshotSeq = version;
      await repository.append({ gameId: table.gameId, events, ...(due ? { snapshot: { table, status: 'playing' as const } } : {}) });
    }
    const started = performance.now();
    const stored = await repository.load(table.gameId);
    if (stored === undefined) throw new Error('the table was not stored');
    const recovered = recover(stored.snapshot, stored.events, SETTINGS);
    const wall = performance.now() - started;
    if (JSON.stringify(recovered) !== JSON.stringify(table)) throw new Error('the recovered table differs from the live one');
    return { wall, replayed: stored.events.length, actions };
  });
}

console.log(`table log on SQLite: ${TABLES} tables × ${ACTIONS} actions, written in groups, ms per action`);
for (let run = 1; run <= Number(options.runs); run++) {
  const { wall, cpu } = await measureWrites();
  console.log(`  run ${run}  wall ${wall.toFixed(3)}  cpu ${cpu.toFixed(3)}`);
}
const recoveryEvents = Number(options['recovery-events']);
console.log(`recovery: load a table of ${recoveryEvents} events and rebuild it from its last snapshot and the events after it`);
for (let run = 1; run <= Number(options.runs); run++) {
  for (const snapshots of [true, false]) {
    const { wall, replayed, actions } = await measureRecovery(recoveryEvents, snapshots);
    const kind = snapshots ? 'snapshots as a live table writes them' : 'no snapshot after the deal (worst case)';
    console.log(`  run ${run}  ${kind}: ${wall.toFixed(1)} ms, ${replayed} events replayed (${actions} game actions in the log)`);
  }
}
