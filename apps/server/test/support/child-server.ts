import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, untilReady } from '../../tools/load/child-server.js';

export { freePort };

const serverRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * A bound for a server that hangs while starting, not a race to win: it waits until the server answers or exits. On a
 * loaded CI machine a start (migrations and a local chain's anvil and deploy) has taken more than 10 s.
 */
const READY_TIMEOUT_MS = 120_000;

/**
 * The real server as its own process (the compiled build when present, else the sources through tsx), so a test
 * can kill it with SIGKILL and start it again on the same data.
 */
export async function startChildServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const built = join(serverRoot, 'dist', 'main.js');
  const args = existsSync(built) ? [built] : ['--import', 'tsx', join(serverRoot, 'src', 'main.ts')];
  const child = spawn(process.execPath, args, { env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${env.PORT}`;
  try {
    await untilReady(url, exited, READY_TIMEOUT_MS);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}: ${stderr}`);
  }
  return { child, url };
}

/** Kills the process at once, as a crash would, and waits until it is gone. */
export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
