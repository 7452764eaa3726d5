import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort, killHard, startChildServer } from './child-server.js';
import { freshPostgresDatabase, POSTGRES_URL, postgresAvailable, PROBE_TIMEOUT_MS } from './server.js';

/** Redis for tests: TEST_REDIS_URL, or the local server. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function redisAvailable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: PROBE_TIMEOUT_MS, retryStrategy: () => null });
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch (error) {
    if (process.env.CI === 'true') throw new Error(`Redis is required under CI=true (${REDIS_URL}): ${String(error)}`);
    return false;
  } finally {
    client.disconnect();
  }
}

/** A skip reason for the cluster suites (PostgreSQL and Redis), or false to run them. */
export async function skipWithoutCluster(): Promise<string | false> {
  if (!(await postgresAvailable())) return `PostgreSQL not reachable at ${POSTGRES_URL} (required under CI=true)`;
  if (!(await redisAvailable())) return `Redis not reachable at ${REDIS_URL}: set TEST_REDIS_URL or start it (required under CI=true)`;
  return false;
}

export interface ClusterNodeProcess {
  nodeId: string;
  url: string;
  wsUrl: string;
  child: ChildProcess;
  alive: boolean;
}

export interface TestCluster {
  nodes: ClusterNodeProcess[];
  namespace: string;
  databaseUrl: string;
  redis: Redis;
  kill(node: ClusterNodeProcess): Promise<void>;
  cleanup(): Promise<void>;
}

/**
 * `size` server processes on one fresh PostgreSQL database and one Redis namespace, each with its own port and
 * data directory, as `npm run cluster` runs them. The first node migrates the database before the others start.
 */
export async function startCluster(size: number, env: Record<string, string> = {}): Promise<TestCluster> {
  const database = await freshPostgresDatabase();
  const namespace = `gdtest-${process.pid}-${randomBytes(3).toString('hex')}`;
  const shared = { DATABASE_URL: database.url, REDIS_URL, REDIS_NAMESPACE: namespace, JWT_SECRET: randomBytes(32).toString('hex'), ...env };
  const dirs: string[] = [];
  const start = async (index: number): Promise<ClusterNodeProcess> => {
    const port = String(await freePort());
    const dataDir = mkdtempSync(join(tmpdir(), 'guandan-cluster-'));
    dirs.push(dataDir);
    const nodeId = `node-${index}`;
    const { child, url } = await startChildServer({ ...shared, PORT: port, DATA_DIR: dataDir, NODE_ID: nodeId });
    return { nodeId, url, wsUrl: `ws://127.0.0.1:${port}/v4/realtime`, child, alive: true };
  };
  const first = await start(0);
  const rest = await Promise.all(Array.from({ length: size - 1 }, (_, index) => start(index + 1)));
  const redis = new Redis(REDIS_URL);
  const nodes = [first, ...rest];
  return {
    nodes,
    namespace,
    databaseUrl: database.url,
    redis,
    async kill(node) {
      node.alive = false;
      await killHard(node.child);
    },
    async cleanup() {
      await Promise.all(nodes.map((node) => killHard(node.child)));
      const keys = await redis.keys(`${namespace}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      await database.drop();
    },
  };
}
