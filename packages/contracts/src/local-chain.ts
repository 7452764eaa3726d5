import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { newLocalMnemonic } from './local-keys.js';

export interface LocalChain {
  rpcUrl: string;
  chainId: number;
  /** The mnemonic anvil derived its funded accounts from (`mnemonicAccount(mnemonic, 0..9)`). */
  mnemonic: string;
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
  /** The accounts' mnemonic; default: a fresh random one. Never anvil's built-in one, which is public. */
  mnemonic?: string;
}

export const LOCAL_CHAIN_ID = 31337;
const START_TIMEOUT_MS = 15_000;
/**
 * Past states anvil keeps. With none (a bare --prune-history), a read of `latest` that races a new block asks for
 * a state already dropped ("BlockOutOfRangeError: block height is 41 but requested was 40"); a few dozen cost
 * little memory and let reads at a recent receipt's block succeed too.
 */
const KEPT_STATES = 64;
/**
 * Runs anvil (`exec "$@"`, so it keeps this shell's pid) beside a watcher that holds our end of its stdin: when
 * this process dies, even by SIGKILL, the pipe closes, `cat` ends, and the watcher stops anvil with SIGTERM (which
 * also saves its state). Closing stdin is also how `stop` ends it.
 */
const DIE_WITH_PARENT = 'exec 3<&0; (cat <&3 >/dev/null; kill -TERM $$ 2>/dev/null) >/dev/null 2>&1 & exec "$@" 3<&-';
const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };

/** The anvil binary the npm package @foundry-rs/anvil ships for this platform (no download, no Foundry install). */
export function anvilBinary(): string {
  const require = createRequire(import.meta.url);
  const platformPackage = `@foundry-rs/anvil-${process.platform}-${ARCH[process.arch] ?? process.arch}`;
  return require.resolve(`${platformPackage}/bin/anvil`);
}

/**
 * Starts anvil, the local EVM chain, on loopback and waits until it listens. It stops when this process exits or
 * is killed, so a crashed server never leaves a chain behind.
 */
export async function startLocalChain(options: LocalChainOptions = {}): Promise<LocalChain> {
  const chainId = options.chainId ?? LOCAL_CHAIN_ID;
  const mnemonic = options.mnemonic ?? newLocalMnemonic();
  const args = ['--host', '127.0.0.1', '--port', String(options.port ?? 0), '--chain-id', String(chainId), '--prune-history', String(KEPT_STATES)];
  args.push('--mnemonic', mnemonic);
  if (options.stateFile !== undefined) args.push('--state', options.stateFile, '--state-interval', '5');
  if (options.blockTime !== undefined) args.push('--block-time', String(options.blockTime));
  const pidFile = options.stateFile === undefined ? null : `${options.stateFile}.pid`;
  if (pidFile !== null) {
    mkdirSync(dirname(pidFile), { recursive: true });
    stopLeftOver(pidFile);
  }
  const child =
    process.platform === 'win32'
      ? spawn(anvilBinary(), args, { stdio: ['pipe', 'pipe', 'pipe'] })
      : spawn('sh', ['-c', DIE_WITH_PARENT, 'anvil', anvilBinary(), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  if (pidFile !== null && child.pid !== undefined) writeFileSync(pidFile, String(child.pid));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const port = await listeningPort(child);
  return {
    rpcUrl: `http://127.0.0.1:${port}`,
    chainId,
    mnemonic,
    stop: async () => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) {
        child.stdin?.destroy();
        return;
      }
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // The watcher sends the SIGTERM; on Windows, with no watcher, we do.
      child.stdin?.end();
      if (process.platform === 'win32') child.kill('SIGTERM');
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
