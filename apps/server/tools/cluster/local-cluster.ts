import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SERVER_MAIN, untilReady } from '../load/child-server.js';
import { startNginx } from './nginx.js';

/**
 * `npm run cluster -- --nodes 3`: N server processes on one PostgreSQL database and one Redis, behind nginx (from
 * Debian) on one port, as docs/SCALING.md describes. Stop it with Ctrl-C.
 */
const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '3' },
    port: { type: 'string', default: '8080' },
    'first-node-port': { type: 'string', default: '3101' },
    'database-url': { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/guandan_cluster' },
    'redis-url': { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    'data-dir': { type: 'string', default: './data/cluster' },
  },
});

const nodes = Number(values.nodes);
const firstPort = Number(values['first-node-port']);
const dataDir = resolve(values['data-dir']);
/** A node's first start migrates the database, which may take a while on a slow disk. */
const NODE_READY_TIMEOUT_MS = 60_000;

/** Creates the cluster's database on first use. */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

async function run(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  await ensureDatabase(values['database-url']);
  const shared = {
    DATABASE_URL: values['database-url'],
    REDIS_URL: values['redis-url'],
    JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(32).toString('hex'),
    TRUST_PROXY: 'true',
    CHAIN: process.env.CHAIN ?? 'off',
  };
  const children: ChildProcess[] = [];
  const ports = Array.from({ length: nodes }, (_, index) => firstPort + index);
  const starting: Promise<void>[] = [];
  for (const [index, port] of ports.entries()) {
    const nodeDir = join(dataDir, `node-${index}`);
    mkdirSync(nodeDir, { recursive: true });
    const child = spawn(process.execPath, [SERVER_MAIN], {
      env: { ...process.env, ...shared, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: nodeDir, NODE_ID: `node-${index}` },
      stdio: 'inherit',
    });
    children.push(child);
    const ready = untilReady(`http://127.0.0.1:${port}`, once(child, 'exit'), NODE_READY_TIMEOUT_MS);
    // The first node migrates the database; the others start once it is up.
    if (index === 0) await ready;
    starting.push(ready);
  }
  await Promise.all(starting);
  try {
    children.push(await startNginx(dataDir, ports.map((port) => `127.0.0.1:${port}`), Number(values.port)));
  } catch (error) {
    console.log(`${String(error)}. The nodes answer on ${ports.join(', ')}.`);
  }
  console.log(`Guandan Global cluster: ${nodes} nodes on ports ${ports.join(', ')}, nginx at http://127.0.0.1:${values.port}`);
  const stop = (): void => {
    for (const child of children) child.kill('SIGTERM');
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
