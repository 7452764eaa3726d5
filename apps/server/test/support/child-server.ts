import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../src/load/child-server.js';

export { freePort };

const serverRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

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
  const url = `http://127.0.0.1:${env.PORT}`;
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { child, url };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready: ${stderr}`);
}

/** Kills the process at once, as a crash would, and waits until it is gone. */
export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
