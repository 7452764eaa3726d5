import { parseArgs } from 'node:util';
import { startChildServer } from './child-server.js';
import { runLoad } from './load-run.js';
import { formatReport } from './report.js';
import { ServerStatsSampler } from './server-stats.js';
import { procUsage, prometheusUsage } from './server-usage.js';

const USAGE = `usage: npm run loadtest -w apps/server -- --tables N --duration S [--ramp S] [--think S] [--url URL] [--cpu-prof DIR]
                                   [--ping MS] [--flood-sockets N] [--flood-rate R]

  --tables N      tables of four bot clients, each playing one-deal custom rooms back to back
  --duration S    seconds the run lasts, the ramp included
  --ramp S        seconds over which the tables open (default: min(10, duration / 3))
  --think S       mean seconds a bot waits before each action, drawn from 0.5 S to 1.5 S
                  (default 0: at once, each table at full speed)
  --url URL       a running server, configured for bots: AUTH_RATE_LIMIT_PER_MINUTE above 4 sign-ins per
                  table, REALTIME_MESSAGES_PER_SECOND and REALTIME_BURST about 1000 (bots act at once);
                  without --url a server is started here so, on a temporary SQLite database
  --cpu-prof DIR  with the server started here: write its CPU profile (node --cpu-prof) to DIR
  --ping MS       every client also sends a PING every MS milliseconds; the round trips are reported
  --flood-sockets N
                  one guest seated at a quick-match table opens N sockets with one token and sends chat
                  lines on each (issue 12's attack) while the tables play; the server started here then
                  keeps the per-account realtime limit of people (20 a second, bursts of 40): give --think
  --flood-rate R  chat lines a second on each flooding socket (default 15)`;

/** The realtime limit a server has for people, kept under --flood: the bots then need a person's pace too. */
const PEOPLE_LIMITS = { REALTIME_MESSAGES_PER_SECOND: '20', REALTIME_BURST: '40' };

interface CliOptions {
  tables: number;
  durationMs: number;
  rampMs: number;
  thinkMs: number;
  url: string | undefined;
  cpuProfileDir: string | undefined;
  pingEveryMs: number | undefined;
  flood: { sockets: number; perSecond: number } | undefined;
}

function parseOptions(): CliOptions {
  const { values } = parseArgs({
    options: {
      tables: { type: 'string' },
      duration: { type: 'string' },
      ramp: { type: 'string' },
      think: { type: 'string' },
      url: { type: 'string' },
      'cpu-prof': { type: 'string' },
      ping: { type: 'string' },
      'flood-sockets': { type: 'string' },
      'flood-rate': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const tables = Number(values.tables);
  const duration = Number(values.duration);
  const ramp = values.ramp === undefined ? Math.min(10, duration / 3) : Number(values.ramp);
  const think = Number(values.think ?? 0);
  const ping = values.ping === undefined ? undefined : Number(values.ping);
  const floodSockets = values['flood-sockets'] === undefined ? undefined : Number(values['flood-sockets']);
  const floodRate = Number(values['flood-rate'] ?? 15);
  const badFlood = floodSockets !== undefined && (!Number.isInteger(floodSockets) || floodSockets < 1 || !(floodRate > 0));
  if (values.help || !Number.isInteger(tables) || tables < 1 || !(duration > 0) || !(ramp >= 0 && ramp < duration) || !(think >= 0) || (ping !== undefined && !(ping > 0)) || badFlood) {
    throw new Error(USAGE);
  }
  if (values.url !== undefined && values['cpu-prof'] !== undefined) throw new Error('--cpu-prof profiles a server started here: leave out --url');
  return {
    tables,
    durationMs: duration * 1000,
    rampMs: ramp * 1000,
    thinkMs: think * 1000,
    url: values.url?.replace(/\/$/, ''),
    cpuProfileDir: values['cpu-prof'],
    pingEveryMs: ping,
    flood: floodSockets === undefined ? undefined : { sockets: floodSockets, perSecond: floodRate },
  };
}

/** The server under load: the one at --url, or one started here and stopped at the end. */
interface Target {
  baseUrl: string;
  serverStats: ServerStatsSampler;
  stop(): Promise<void>;
}

async function targetFor(options: CliOptions): Promise<Target> {
  if (options.url !== undefined) {
    return { baseUrl: options.url, serverStats: new ServerStatsSampler(prometheusUsage(`${options.url}/metrics`, process.env.METRICS_TOKEN), 'metrics'), stop: async () => undefined };
  }
  const child = await startChildServer({ cpuProfileDir: options.cpuProfileDir, ...(options.flood === undefined ? {} : { env: PEOPLE_LIMITS }) });
  console.error(`server started: ${child.url} (pid ${child.pid})`);
  return { baseUrl: child.url, serverStats: new ServerStatsSampler(procUsage(child.pid), 'proc'), stop: child.stop };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const target = await targetFor(options);
  // Ctrl-C must not leave a server running or its temporary database behind.
  process.once('SIGINT', () => {
    void target.stop().finally(() => process.exit(130));
  });
  try {
    const report = await runLoad({
      baseUrl: target.baseUrl,
      tables: options.tables,
      durationMs: options.durationMs,
      rampMs: options.rampMs,
      thinkMs: options.thinkMs,
      serverStats: target.serverStats,
      ...(options.pingEveryMs === undefined ? {} : { pingEveryMs: options.pingEveryMs }),
      ...(options.flood === undefined ? {} : { flood: options.flood }),
      onProgress: ({ elapsedMs, tablesOpen, acknowledged, errors }) =>
        console.error(`${(elapsedMs / 1000).toFixed(0)} s: ${tablesOpen} tables, ${acknowledged} actions answered, ${errors} errors`),
    });
    console.log(formatReport(report));
  } finally {
    await target.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
