import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface LocalChain {
  rpcUrl: string;
  chainId: number;
  /** Stops anvil; with a state file it is written first, so the next start resumes from it. */
  stop(): Promise<void>;
}

export interface LocalChainOptions {
  /** Default: a free port. */
  port?: number;
  /**
   * Keep the chain between runs in this file (loaded at start, saved every few seconds and at stop). Anvil's
   * process id is kept beside it, so an anvil left behind by a killed run is stopped before a new one loads the
   * state.
   */
  stateFile?: string;
  chainId?: number;
  /** Seconds between blocks; default: a block per transaction (automine). */
  blockTime?: number;
}

export const LOCAL_CHAIN_ID = 31337;
const START_TIMEOUT_MS = 15_000;
const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };

/** The anvil binary the npm package @foundry-rs/anvil ships for this platform (no download, no Foundry install). */
export function anvilBinary(): string {
  const require = createRequire(import.meta.url);
  const platformPackage = `@foundry-rs/anvil-${process.platform}-${ARCH[process.arch] ?? process.arch}`;
  return require.resolve(`${platformPackage}/bin/anvil`);
}

/**
 * Starts anvil, the local EVM chain, on loopback and waits until it listens. It is killed when this process exits,
 * so a crashed server never leaves a chain behind.
 */
export async function startLocalChain(options: LocalChainOptions = {}): Promise<LocalChain> {
  const chainId = options.chainId ?? LOCAL_CHAIN_ID;
  const args = ['--host', '127.0.0.1', '--port', String(options.port ?? 0), '--chain-id', String(chainId), '--prune-history'];
  if (options.stateFile !== undefined) args.push('--state', options.stateFile, '--state-interval', '5');
  if (options.blockTime !== undefined) args.push('--block-time', String(options.blockTime));
  const pidFile = options.stateFile === undefined ? null : `${options.stateFile}.pid`;
  if (pidFile !== null) stopLeftOver(pidFile);
  const child = spawn(anvilBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (pidFile !== null && child.pid !== undefined) writeFileSync(pidFile, String(child.pid));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const port = await listeningPort(child);
  return {
    rpcUrl: `http://127.0.0.1:${port}`,
    chainId,
    stop: async () => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
      if (pidFile !== null) rmSync(pidFile, { force: true });
    },
  };
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`anvil did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on [\d.]+:(\d+)/.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      // Keep draining its output so a full pipe never blocks it.
      child.stdout?.resume();
      resolve(Number(match[1]));
    };
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`anvil exited with ${code}:\n${output}`)));
  });
}

/** Stops the anvil a killed run left on this state file, if that process is still an anvil. */
function stopLeftOver(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0) return;
  const commandFile = `/proc/${pid}/cmdline`;
  // Where /proc is missing (macOS, Windows) the process cannot be told apart from another: leave it.
  if (!existsSync(commandFile) || !readFileSync(commandFile, 'utf8').includes('anvil')) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
