import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startNginx } from '../cluster/nginx.js';
import { type ChildServer, freePort, startChildServer } from './child-server.js';
import { type LoadReport, runLoad } from './load-run.js';
import { ServerStatsSampler } from './server-stats.js';
import { metricSum, metricValue, metricsHeaders, procUsage, type UsageSource } from './server-usage.js';

const USAGE = `usage: npm run scalebench -w apps/server -- [--nodes 1,2] [--steps 40,60,90,135,200] [--duration S] [--think S]
  For each cluster size, runs the load test at each step of tables against that many server processes on PostgreSQL
  and Redis behind nginx, until p99 after the ramp passes 100 ms. Needs PostgreSQL (DATABASE_ADMIN_URL, default
  postgres://postgres@127.0.0.1:5432/postgres), Redis (REDIS_URL, default redis://127.0.0.1:6379) and nginx.`;

const P99_LIMIT_MS = 100;

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '1,2' },
    steps: { type: 'string', default: '40,60,90,135,200' },
    duration: { type: 'string', default: '30' },
    think: { type: 'string', default: '0.5' },
    help: { type: 'boolean', default: false },
  },
});
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The nodes' /metrics token, made for this run. */
const METRICS_TOKEN = randomBytes(24).toString('hex');

interface Cluster {
  url: string;
  nodes: ChildServer[];
  stop(): Promise<void>;
}

/** `size` nodes on a fresh database and Redis namespace, behind nginx on a free port. */
async function startCluster(size: number): Promise<Cluster> {
  const name = `guandan_scale_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${name}`;
  const env = {
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: redisUrl,
    REDIS_NAMESPACE: name,
    JWT_SECRET: randomBytes(32).toString('hex'),
    METRICS_TOKEN: METRICS_TOKEN,
  };
  const nodes: ChildServer[] = [await startChildServer({ env: { ...env, NODE_ID: 'node-0' } })];
  for (let index = 1; index < size; index++) nodes.push(await startChildServer({ env: { ...env, NODE_ID: `node-${index}` } }));
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'guandan-nginx-'));
  const nginx = await startNginx(
    dir,
    nodes.map((node) => node.url.replace('http://', '')),
    port,
    '127.0.0.1',
  );
  return {
    url: `http://127.0.0.1:${port}`,
    nodes,
    async stop() {
      nginx.kill('SIGTERM');
      await Promise.all(nodes.map((node) => node.stop()));
      rmSync(dir, { recursive: true, force: true });
      const redis = new Redis(redisUrl);
      const keys = await redis.keys(`${name}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** Every node's CPU time and resident memory, added up. */
function clusterUsage(nodes: ChildServer[]): UsageSource {
  const sources = nodes.map((node) => procUsage(node.pid));
  return async () => {
    const usages = await Promise.all(sources.map((source) => source()));
    return { cpuSeconds: usages.reduce((sum, usage) => sum + usage.cpuSeconds, 0), rssBytes: usages.reduce((sum, usage) => sum + usage.rssBytes, 0) };
  };
}

interface Operations {
  actions: number;
  dbQueries: number;
  redisCommands: number;
}

/** Actions applied and SQL statements run on every node (their /metrics), and commands Redis processed. */
async function operations(nodes: ChildServer[], redis: Redis): Promise<Operations> {
  let actions = 0;
  let dbQueries = 0;
  for (const node of nodes) {
    const text = await (await fetch(`${node.url}/metrics`, { headers: metricsHeaders(METRICS_TOKEN) })).text();
    actions += metricSum(text, 'guandan_actions_total');
    dbQueries += metricValue(text, 'guandan_db_queries_total');
  }
  const info = await redis.info('stats');
  const redisCommands = Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? Number.NaN);
  return { actions, dbQueries, redisCommands };
}

interface StepResult {
  nodes: number;
  tables: number;
  report: LoadReport;
  perAction: { dbQueries: number; redisCommands: number };
}

async function runStep(size: number, tables: number, durationMs: number, thinkMs: number): Promise<StepResult> {
  const cluster = await startCluster(size);
  const redis = new Redis(redisUrl);
  try {
    const rampMs = Math.min(10_000, durationMs / 3);
    let atSteady: Operations | null = null;
    const steady = setTimeout(() => void operations(cluster.nodes, redis).then((ops) => (atSteady = ops)), rampMs);
    let atEnd: Operations | null = null;
    const ending = sleep(durationMs - 500).then(async () => (atEnd = await operations(cluster.nodes, redis)));
    const report = await runLoad({
      baseUrl: cluster.url,
      tables,
      durationMs,
      rampMs,
      thinkMs,
      serverStats: new ServerStatsSampler(clusterUsage(cluster.nodes), 'proc'),
    });
    clearTimeout(steady);
    await ending;
    const from = atSteady as Operations | null;
    const to = atEnd as Operations | null;
    const actions = from === null || to === null ? Number.NaN : Math.max(1, to.actions - from.actions);
    return {
      nodes: size,
      tables,
      report,
      perAction: {
        dbQueries: from === null || to === null ? Number.NaN : (to.dbQueries - from.dbQueries) / actions,
        redisCommands: from === null || to === null ? Number.NaN : (to.redisCommands - from.redisCommands) / actions,
      },
    };
  } finally {
    redis.disconnect();
    await cluster.stop();
  }
}

function row(result: StepResult): string {
  const { report } = result;
  const latency = report.latencyAfterRamp;
  const server = report.server;
  const cells = [
    result.nodes,
    result.tables,
    report.actionsPerSecond.toFixed(0),
    latency === null ? 'n/a' : `${latency.p50Ms.toFixed(1)} / ${latency.p99Ms.toFixed(1)}`,
    report.errors.total,
    server?.meanCpuPercent == null ? 'n/a' : `${server.meanCpuPercent.toFixed(0)}%`,
    server?.peakRssBytes == null ? 'n/a' : `${(server.peakRssBytes / 2 ** 20).toFixed(0)} MiB`,
    result.perAction.dbQueries.toFixed(1),
    result.perAction.redisCommands.toFixed(1),
    `${report.bytesPerAction.toClients.toFixed(0)} / ${report.bytesPerAction.fromClients.toFixed(0)}`,
  ];
  return `| ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const sizes = values.nodes.split(',').map(Number);
  const steps = values.steps.split(',').map(Number);
  const durationMs = Number(values.duration) * 1000;
  const thinkMs = Number(values.think) * 1000;
  console.log('| nodes | tables | actions/s | p50 / p99 ms after ramp | errors | CPU (all nodes, % of a core) | RSS (all nodes) | SQL / action | Redis commands / action | bytes to / from clients per action |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const size of sizes) {
    for (const tables of steps) {
      const result = await runStep(size, tables, durationMs, thinkMs);
      console.log(row(result));
      const p99 = result.report.latencyAfterRamp?.p99Ms ?? Number.POSITIVE_INFINITY;
      if (p99 > P99_LIMIT_MS || result.report.errors.total > 0 || result.report.tablesPlaying < tables) break;
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
