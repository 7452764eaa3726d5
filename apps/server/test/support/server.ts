import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { createServer, type PlatformServer } from '../../src/http/server.js';
import { closeAllPlayers } from './players.js';

export type StoreKind = 'sqlite' | 'postgres';

/** PostgreSQL for tests: TEST_DATABASE_URL, or the local server when CI=true or PGTEST=1. */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * How long a probe waits before a suite skips. Under CI=true the server must be there, so a probe waits as long as any
 * connection would: on a busy machine a connection can take longer than a quick probe allows, and that is no reason
 * to fail the run.
 */
export const PROBE_TIMEOUT_MS = process.env.CI === 'true' ? undefined : 2000;

/** Whether PostgreSQL answers; under CI=true it must, and a missing server fails the run instead of skipping. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if (process.env.CI === 'true') throw new Error(`PostgreSQL is required under CI=true (${POSTGRES_URL}): ${String(error)}`);
    return false;
  }
}

/** A skip reason for PostgreSQL suites, or false to run them. */
export async function skipWithoutPostgres(): Promise<string | false> {
  return (await postgresAvailable()) ? false : `PostgreSQL not reachable at ${POSTGRES_URL}: set TEST_DATABASE_URL or start it (required under CI=true)`;
}

/** A fresh, empty PostgreSQL database; `drop` removes it. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `guandan_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      // The server's pool may still be closing its connections: wait for them rather than kill them.
      for (let attempt = 0; ; attempt++) {
        try {
          await client.query(`DROP DATABASE IF EXISTS ${name}`);
          break;
        } catch (error) {
          if (attempt >= 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await client.end();
    },
  };
}

export interface TestServer {
  server: PlatformServer;
  url: string;
  wsUrl: string;
  dataDir: string;
  /** Closes the server; the data stays until `cleanup`. */
  close(): Promise<void>;
  cleanup(): Promise<void>;
}

/**
 * Starts the real platform on a free port with its own data directory (SQLite) or database (PostgreSQL). Timers
 * are short so whole games run in seconds; pass `env` to change any setting.
 */
export async function startTestServer(options: { store?: StoreKind; env?: Record<string, string>; dataDir?: string; databaseUrl?: string } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'guandan-test-'));
  let databaseUrl = options.databaseUrl;
  let drop: (() => Promise<void>) | undefined;
  if (options.store === 'postgres' && databaseUrl === undefined) {
    const fresh = await freshPostgresDatabase();
    databaseUrl = fresh.url;
    drop = fresh.drop;
  }
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    BOT_DELAY_MS: '0',
    DEAL_BREAK_MS: '0',
    QUICK_MATCH_BOT_FILL_MS: '200',
    RANKED_BOT_FILL_MS: '200',
    DISCONNECT_GRACE_MS: '100',
    // Suites that need the chain ask for CHAIN=local; the rest start faster without one.
    CHAIN: 'off',
    ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
    ...options.env,
  });
  const server = await createServer(config);
  const url = await server.start();
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await server.close();
  };
  return {
    server,
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/v4/realtime`,
    dataDir,
    close,
    async cleanup() {
      closeAllPlayers();
      await close();
      await drop?.();
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
