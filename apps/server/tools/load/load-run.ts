import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { ClientUsage, type ClientUsageSummary } from './client-usage.js';
import { LatencyRecorder, type LatencySummary } from './latency.js';
import { type ErrorTally, LoadCounters } from './load-counters.js';
import { type FloodSummary, Flooder } from './flooder.js';
import { type LoadContext, LoadTable } from './load-table.js';
import type { ServerStatsSampler, ServerStatsSummary } from './server-stats.js';

export interface LoadOptions {
  /** The server's origin, e.g. http://127.0.0.1:3000. */
  baseUrl: string;
  tables: number;
  durationMs: number;
  /** Tables open evenly over this time, which counts towards the duration. */
  rampMs: number;
  /** A bot's pause before each action (0: at once, the default; a second or more is a person's pace). */
  thinkMs?: number;
  /** Samples the server's CPU and memory while the run lasts. */
  serverStats?: ServerStatsSampler;
  /** Every client sends a PING this often and the round trips are reported: the tables' view of the server's delay. */
  pingEveryMs?: number;
  /** One account's attack on the server while the tables play: this many sockets, each sending chat lines. */
  flood?: { sockets: number; perSecond: number };
  /** Called every few seconds with what the run has done so far. */
  onProgress?: (progress: LoadProgress) => void;
}

export interface LoadProgress {
  elapsedMs: number;
  tablesOpen: number;
  acknowledged: number;
  errors: number;
}

export interface LoadReport {
  tables: number;
  durationMs: number;
  rampMs: number;
  thinkMs: number;
  /** Actions answered over the whole run. */
  acknowledged: number;
  /** Actions answered per second after the ramp, when every table is open. */
  actionsPerSecond: number;
  /** PING round trips of the tables' clients after the ramp, with `pingEveryMs`. */
  pingAfterRamp: LatencySummary | null;
  flood: FloodSummary | null;
  /** Each client's guest sign-in plus realtime connect, over the run (they all happen during the ramp). */
  joins: LatencySummary | null;
  /** Every answered action of the run, the ramp included. */
  latency: LatencySummary | null;
  /** The actions answered after the ramp, when no table is signing in any more. */
  latencyAfterRamp: LatencySummary | null;
  /** WebSocket payload bytes per answered action after the ramp, all clients together: to them and from them. */
  bytesPerAction: { toClients: number; fromClients: number };
  /** Actions still waiting for their answer when the run ended (in flight, or lost). */
  unanswered: number;
  errors: ErrorTally;
  gamesFinished: number;
  /** Actions the server made for a seated person: timeouts or dropped clients; 0 when the clients keep up. */
  serverPlayed: number;
  /** Tables whose four clients had signed in and connected by the end: fewer than asked when the server is slow to accept. */
  tablesPlaying: number;
  socketsOpen: number;
  socketsExpected: number;
  /** The load generator itself after the ramp: it shares the machine with the server when both run here. */
  client: ClientUsageSummary;
  server: ServerStatsSummary | null;
}

const PROGRESS_EVERY_MS = 5000;

/** Drives `tables` tables of four bot clients against a server for the duration, then closes every client. */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  if (!(options.rampMs >= 0 && options.rampMs < options.durationMs)) throw new Error('the ramp must be shorter than the duration');
  const end = new AbortController();
  const context: LoadContext = {
    baseUrl: options.baseUrl,
    wsUrl: `${options.baseUrl.replace(/^http/, 'ws')}/v4/realtime`,
    latency: new LatencyRecorder(),
    joins: new LatencyRecorder(),
    counters: new LoadCounters(),
    thinkMs: options.thinkMs ?? 0,
    end: end.signal,
    ...(options.pingEveryMs === undefined ? {} : { ping: { everyMs: options.pingEveryMs, pings: new LatencyRecorder() } }),
  };
  // The attacker is in place, its sockets open and sending, before the first table signs in.
  const flooder = options.flood === undefined ? null : new Flooder({ baseUrl: options.baseUrl, wsUrl: context.wsUrl, ...options.flood });
  await flooder?.start();
  const tables: LoadTable[] = [];
  const running: Promise<void>[] = [];
  const started = performance.now();
  const untilElapsed = (ms: number): Promise<void> => sleep(Math.max(0, started + ms - performance.now()));
  // The client's own delays are part of every latency it measures: report them so they can be told apart.
  const clientUsage = new ClientUsage();
  options.serverStats?.start();
  const progress = setInterval(() => {
    options.onProgress?.({
      elapsedMs: performance.now() - started,
      tablesOpen: tables.length,
      acknowledged: context.latency.acknowledged,
      errors: context.counters.errors().total,
    });
  }, PROGRESS_EVERY_MS);

  for (let index = 0; index < options.tables; index++) {
    await untilElapsed((index * options.rampMs) / options.tables);
    const table = new LoadTable(index, context);
    tables.push(table);
    running.push(table.run());
  }
  await untilElapsed(options.rampMs);
  const steadyAt = performance.now();
  const acknowledgedAtSteady = context.latency.acknowledged;
  const pingsAtSteady = context.ping?.pings.acknowledged ?? 0;
  const bytesAtSteady = { in: context.counters.bytesIn, out: context.counters.bytesOut };
  clientUsage.markSteady();
  options.serverStats?.markSteady();

  await untilElapsed(options.durationMs);
  const endedAt = performance.now();
  clearInterval(progress);
  const acknowledged = context.latency.acknowledged;
  const steadyActions = Math.max(1, acknowledged - acknowledgedAtSteady);
  const report: Omit<LoadReport, 'server'> = {
    tables: options.tables,
    durationMs: options.durationMs,
    rampMs: options.rampMs,
    thinkMs: context.thinkMs,
    acknowledged,
    actionsPerSecond: (acknowledged - acknowledgedAtSteady) / ((endedAt - steadyAt) / 1000),
    pingAfterRamp: context.ping?.pings.summary(pingsAtSteady) ?? null,
    flood: flooder?.stop() ?? null,
    joins: context.joins.summary(),
    latency: context.latency.summary(),
    latencyAfterRamp: context.latency.summary(acknowledgedAtSteady),
    bytesPerAction: {
      toClients: (context.counters.bytesIn - bytesAtSteady.in) / steadyActions,
      fromClients: (context.counters.bytesOut - bytesAtSteady.out) / steadyActions,
    },
    unanswered: context.latency.unanswered,
    errors: context.counters.errors(),
    gamesFinished: context.counters.gamesFinished,
    serverPlayed: context.counters.serverPlayed,
    tablesPlaying: tables.filter((table) => table.playing).length,
    socketsOpen: tables.reduce((sum, table) => sum + table.socketsOpen, 0),
    socketsExpected: options.tables * 4,
    client: clientUsage.stop(),
  };
  end.abort();
  const server = (await options.serverStats?.stop()) ?? null;
  for (const table of tables) table.close();
  await Promise.allSettled(running);
  return { ...report, server };
}
