/**
 * What writing one game action costs the table store on SQLite: the append of its event and the table's snapshot
 * under compare-and-set (a live table knows the client message ids it answered, in memory), for tables in mid-deal,
 * with each statement prepared on every query (Kysely's own driver) and prepared once (`platform/db/prepared-once.ts`).
 * Prints milliseconds of wall and CPU time per action.
 *
 *   npm run bench:store -w apps/server [-- --tables N --actions N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { actorsOf, applyAction, legalActions, type MatchState, startMatch } from '@guandan/engine';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../platform/db/migrations.js';
import { preparedOnce } from '../platform/db/prepared-once.js';
import type { Database } from '../platform/db/schema.js';
import type { TableSnapshot } from '../tables/snapshot.js';
import { TableStore } from '../tables/table-store.js';

const { values: options } = parseArgs({ options: { tables: { type: 'string', default: '20' }, actions: { type: 'string', default: '250' }, runs: { type: 'string', default: '3' } } });
const TABLES = Number(options.tables);
const ACTIONS = Number(options.actions);

/** A match some way into its first deal, so the snapshot carries a real log. */
function midDeal(seed: number): MatchState {
  let { state } = startMatch({ seed });
  for (let step = 0; step < 40 && state.phase === 'play'; step++) {
    const seat = actorsOf(state)[0];
    const action = legalActions(state, seat).at(-1);
    if (action === undefined) break;
    state = applyAction(state, action).state;
  }
  return state;
}

async function measure(prepareOnce: boolean): Promise<{ wall: number; cpu: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'store-bench-'));
  const sqlite = new BetterSqlite3(join(dir, 'bench.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: prepareOnce ? preparedOnce(sqlite) : sqlite }) });
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
    const store = new TableStore(db);
    const snapshots: TableSnapshot[] = [];
    for (let index = 0; index < TABLES; index++) {
      const snapshot: TableSnapshot = {
        gameId: crypto.randomUUID(),
        roomId: crypto.randomUUID(),
        gameMode: 'custom',
        baseBet: 10,
        replacementLevel: 'normal',
        state: midDeal(index + 1),
        seats: ([0, 1, 2, 3] as const).map((seat) => ({ seat, userId: crypto.randomUUID(), username: `p${seat}`, botLevel: null, autoPlay: false, timeouts: 0, quit: false })),
        deadline: null,
        startedAt: new Date().toISOString(),
      };
      await store.insert(db, snapshot);
      snapshots.push(snapshot);
    }
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (let version = 0; version < ACTIONS; version++) {
      for (const snapshot of snapshots) {
        const actor = snapshot.seats[version % 4].userId as string;
        const action = { kind: 'pass', seat: (version % 4) as 0 | 1 | 2 | 3 } as const;
        const payload = { roomId: snapshot.roomId, seat: action.seat, kind: 'pass', auto: false, events: [] };
        await store.append(snapshot.gameId, version, { kind: 'PLAYER_ACTION', payload, action, actorUserId: actor, clientMsgId: `m-${version}` }, snapshot, 'playing');
      }
    }
    const count = ACTIONS * TABLES;
    const cpu = process.cpuUsage(cpuBefore);
    return { wall: (performance.now() - started) / count, cpu: (cpu.user + cpu.system) / 1000 / count };
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`table store on SQLite: ${TABLES} tables × ${ACTIONS} actions, one append per action, ms per action`);
for (let run = 1; run <= Number(options.runs); run++) {
  for (const prepareOnce of [false, true]) {
    const { wall, cpu } = await measure(prepareOnce);
    console.log(`  run ${run}  ${prepareOnce ? 'prepared once   ' : 'prepared per use'}  wall ${wall.toFixed(3)}  cpu ${cpu.toFixed(3)}`);
  }
}
