/**
 * What the operators' analytics costs at scale: fills the rollup tables as 10 million games over two years would
 * leave them (200k accounts, a few thousand players a day), then times the analytics route's queries, the report
 * for the last 30 days and for a whole year, with p50 and p99 over repeated calls. The rows are written straight
 * into the rollup tables (the consumers' work is per event and does not grow with history).
 *
 *   npm run bench:analytics -w apps/server [-- --games N --days N --accounts N --daily N --runs N --postgres URL]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { nextInt, seedRng } from '@guandan/engine';
import { sql } from 'kysely';
import pg from 'pg';
import { AnalyticsService } from '../../src/analytics/index.js';
import { AnalyticsQueries } from '../../src/analytics/analytics-queries.js';
import { type Db, type Executor, openDatabase } from '../../src/platform/db/database.js';
import type { Config } from '../../src/config.js';

const { values: options } = parseArgs({
  options: {
    games: { type: 'string', default: '10000000' },
    days: { type: 'string', default: '730' },
    accounts: { type: 'string', default: '200000' },
    daily: { type: 'string', default: '7000', short: 'd' },
    runs: { type: 'string', default: '50' },
    postgres: { type: 'string' },
  },
});
const GAMES = Number(options.games);
const DAYS = Number(options.days);
const ACCOUNTS = Number(options.accounts);
const DAILY_PLAYERS = Number(options.daily);
const RUNS = Number(options.runs);
const MODES = ['quick_match', 'custom', 'ranked'] as const;
/** Rows per INSERT: under SQLite's 32,766 bound parameters for the widest table (10 columns). */
const CHUNK = 2000;
/** The last generated day: the report's `to`. */
const LAST_DAY = Math.floor(Date.parse('2026-12-01T00:00:00Z') / 86_400_000);
const FIRST_DAY = LAST_DAY - DAYS + 1;

const random = seedRng('analytics-bench');
const chance = (probability: number): boolean => nextInt(random, 1_000_000) < probability * 1_000_000;

/** Writes rows in INSERTs of CHUNK rows, 100 INSERTs to a transaction, as a bulk import would. */
async function insertAll<T>(db: Db, rows: Iterable<T>, write: (target: Executor, chunk: T[]) => Promise<unknown>): Promise<number> {
  let count = 0;
  let chunks: T[][] = [[]];
  const commit = async () => {
    const toWrite = chunks.filter((chunk) => chunk.length > 0);
    chunks = [[]];
    await db.transaction().execute(async (trx) => {
      for (const chunk of toWrite) await write(trx, chunk);
    });
  };
  for (const row of rows) {
    let chunk = chunks[chunks.length - 1];
    if (chunk.length === CHUNK) {
      if (chunks.length === 100) await commit();
      chunk = [];
      chunks.push(chunk);
    }
    chunk.push(row);
    count++;
  }
  await commit();
  return count;
}

/** Each account's sign-up day: evenly over the period, so the pool of players grows day by day. */
function signUpDays(): number[] {
  return Array.from({ length: ACCOUNTS }, (_, index) => FIRST_DAY + Math.floor((index * DAYS) / ACCOUNTS));
}

function* accountRows(signedUp: number[]) {
  for (let index = 0; index < ACCOUNTS; index++) {
    const day = signedUp[index];
    const played = chance(0.8);
    yield {
      user_id: `u${index}`,
      signed_up_day: day,
      games: played ? 1 + nextInt(random, 200) : 0,
      first_game_day: played ? day : null,
      tenth_game_day: played && chance(0.5) ? day + nextInt(random, 30) : null,
      wallet_day: chance(0.2) ? day + nextInt(random, 60) : null,
      first_reward_day: played && chance(0.7) ? day + nextInt(random, 3) : null,
      active_day_1: chance(0.4) ? 1 : 0,
      active_day_7: chance(0.2) ? 1 : 0,
      active_day_30: chance(0.1) ? 1 : 0,
    };
  }
}

/** A day's players: DAILY_PLAYERS distinct accounts among those made by then (all of them while there are fewer). */
function playersOf(day: number, signedUp: number[]): number[] {
  const pool = signedUp.findLastIndex((signUp) => signUp <= day) + 1;
  if (pool <= DAILY_PLAYERS) return Array.from({ length: pool }, (_, index) => index);
  const chosen = new Set<number>();
  while (chosen.size < DAILY_PLAYERS) chosen.add(nextInt(random, pool));
  return [...chosen];
}

function* playerDayRows(signedUp: number[], activeByDay: Map<number, number>) {
  for (let day = FIRST_DAY; day <= LAST_DAY; day++) {
    const players = playersOf(day, signedUp);
    activeByDay.set(day, players.length);
    for (const player of players) yield { day, user_id: `u${player}` };
  }
}

function* gameDayRows() {
  const perDay = GAMES / DAYS;
  for (let day = FIRST_DAY; day <= LAST_DAY; day++) {
    for (const [index, mode] of MODES.entries()) {
      const games = Math.round(perDay * [0.6, 0.25, 0.15][index]);
      const humans = Math.round(games * 2.5);
      yield {
        day,
        game_mode: mode,
        games,
        deals: games * 8,
        human_seats: humans,
        bot_seats: games * 4 - humans,
        quit_seats: Math.round(humans * 0.03),
        auto_play_seats: Math.round(humans * 0.08),
        match_ms: games * 25 * 60_000,
      };
    }
  }
}

async function fill(db: Db): Promise<void> {
  const started = performance.now();
  const signedUp = signUpDays();
  const accounts = await insertAll(db, accountRows(signedUp), (target, chunk) => target.insertInto('analytics_accounts').values(chunk).execute());
  const activeByDay = new Map<number, number>();
  const playerDays = await insertAll(db, playerDayRows(signedUp, activeByDay), (target, chunk) => target.insertInto('analytics_player_days').values(chunk).execute());
  await insertAll(db, [...activeByDay].map(([day, active]) => ({ day, active_players: active })), (target, chunk) => target.insertInto('analytics_days').values(chunk).execute());
  const gameDays = await insertAll(db, gameDayRows(), (target, chunk) => target.insertInto('analytics_game_days').values(chunk).execute());
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`filled in ${seconds} s: ${accounts} accounts, ${playerDays} player-days, ${gameDays} game-day rows (${GAMES} games over ${DAYS} days)`);
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function time(label: string, run: () => Promise<unknown>): Promise<void> {
  await run(); // warm
  const samples: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} p50 ${percentile(samples, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(samples, 99).toFixed(1).padStart(7)} ms`);
}

async function bench(database: Config['database'], name: string): Promise<void> {
  console.log(`\n${name}`);
  const db = await openDatabase(database);
  try {
    await fill(db);
    // the planner's statistics (and on PostgreSQL the visibility map an index-only scan needs), as autovacuum keeps them
    await sql.raw(database.kind === 'postgres' ? 'vacuum analyze' : 'analyze').execute(db);
    // Coins and $PLAY come from their own domains' tables; here only the analytics queries are timed.
    const analytics = new AnalyticsService(db, { coinFlows: async () => [], playRewardedByDay: async () => new Map() });
    const to = new Date(LAST_DAY * 86_400_000).toISOString().slice(0, 10);
    const yearAgo = new Date((LAST_DAY - 365) * 86_400_000).toISOString().slice(0, 10);
    await time('report, last 30 days (the default)', () => analytics.report({ to }));
    await time('report, 366 days', () => analytics.report({ from: yearAgo, to }));
    const queries = new AnalyticsQueries(db);
    await time('of which: DAU, WAU and MAU (distinct players)', () => queries.activeEnding(LAST_DAY));
    await time('of which: funnel of a year of sign-ups', () => queries.funnel(LAST_DAY - 365, LAST_DAY));
  } finally {
    await db.destroy();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'analytics-bench-'));
try {
  await bench({ kind: 'sqlite', file: join(dir, 'analytics.sqlite') }, 'SQLite (a temporary file)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (options.postgres !== undefined) {
  const name = `analytics_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: options.postgres });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(options.postgres);
    url.pathname = `/${name}`;
    await bench({ kind: 'postgres', url: url.toString() }, 'PostgreSQL (a fresh database)');
  } finally {
    await admin.query(`drop database ${name}`);
    await admin.end();
  }
}
