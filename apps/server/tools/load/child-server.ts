import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export interface ChildServer {
  url: string;
  pid: number;
  /** Its data directory (the local chain's keys are in `chain/`), removed by `stop`. */
  dataDir: string;
  /** Stops the server (SIGTERM, then SIGKILL if it hangs) and removes its data directory. */
  stop(): Promise<void>;
}

/**
 * Settings for a server under load. The environment can override them (DATABASE_URL selects PostgreSQL, for one);
 * the port, host and data directory are always the child's own.
 */
const LOAD_DEFAULTS: Record<string, string> = {
  LOG_LEVEL: 'warn',
  BOT_DELAY_MS: '0',
  // No pause between deals: nobody reads the summaries, and the load stays comparable with earlier runs.
  DEAL_BREAK_MS: '0',
  QUICK_MATCH_BOT_FILL_MS: '500',
  // Every table signs in four guests from this one address: the default 30 a minute would refuse most of them.
  AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
  // Bots answer at once, so a whole deal goes at the server's pace: about 20 actions a second per client at low
  // load, right at the per-connection default of 20 a second meant for people.
  REALTIME_MESSAGES_PER_SECOND: '1000',
  REALTIME_BURST: '1000',
  // No chain: a child killed with SIGKILL (the restart tests do) cannot stop the anvil it started.
  CHAIN: 'off',
};

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * The server the tools start: the compiled build, not the sources through tsx, so that load figures measure the
 * product as it ships (the tools' scripts run `tsc -b` first).
 */
export const SERVER_MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'main.js');

/**
 * Starts the built server (`dist/main.js`) as a child process on a free port with a temporary SQLite database.
 * `env` overrides the load defaults and the environment (the browser tests slow bots down to a person's pace);
 * `port`, when given, is the one it listens on.
 */
export async function startChildServer(options: { cpuProfileDir?: string; env?: Record<string, string>; port?: number } = {}): Promise<ChildServer> {
  // A caller that must name the server's address before it starts (its PUBLIC_URL) picks the port with `freePort`.
  const port = options.port ?? (await freePort());
  const dataDir = mkdtempSync(join(tmpdir(), 'guandan-load-'));
  const profiling = options.cpuProfileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`];
  const child = spawn(process.execPath, [...profiling, SERVER_MAIN], {
    env: { ...LOAD_DEFAULTS, ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    // The server logs to stdout: send it to stderr so that the report on stdout stays clean.
    stdio: ['ignore', 2, 2],
  });
  // A child that cannot even spawn emits 'error' instead: either way it is gone.
  const exited = once(child, 'exit').catch(() => undefined);
  const stop = async (): Promise<void> => {
    await terminate(child, exited);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await untilReady(url, exited);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid as number, dataDir, stop };
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Waits until the process serving `url` answers /readyz; fails if it exits first or takes longer than `timeoutMs`. */
export async function untilReady(url: string, exited: Promise<unknown>, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the process for ${url} exited while starting (its log is above)`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await sleep(100);
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s`);
}

async function terminate(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(STOP_TIMEOUT_MS, true, { ref: false })]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** `npm run admin -- grant EMAIL ROLE` against a child server's database, as an owner makes staff. */
export async function grantStaffRole(server: ChildServer, email: string, role: string): Promise<void> {
  const cli = spawn(process.execPath, [join(dirname(SERVER_MAIN), 'admin-cli.js'), 'grant', email, role], {
    env: { ...process.env, DATA_DIR: server.dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 2],
  });
  const [code] = (await once(cli, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`granting ${role} to ${email} failed (exit ${code})`);
}
