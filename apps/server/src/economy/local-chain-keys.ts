import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newLocalMnemonic } from '@guandan/contracts';
import type { FastifyBaseLogger } from 'fastify';

/** What a data directory's local chain keeps in DATA_DIR/chain. */
export interface LocalChainFiles {
  dir: string;
  state: string;
  addresses: string;
  /** The chain's own mnemonic (mode 0600): its accounts deploy, mint rewards and pay the faucet. */
  mnemonic: string;
}

export function localChainFiles(dataDir: string): LocalChainFiles {
  const dir = join(dataDir, 'chain');
  return { dir, state: join(dir, 'anvil-state.json'), addresses: join(dir, 'addresses.json'), mnemonic: join(dir, 'mnemonic') };
}

/**
 * The data directory's local chain mnemonic, made once at random. A chain kept from before there was one was built
 * with anvil's public development keys, whose reward key anyone could sign mints with: its state and addresses are
 * dropped, so the contracts are deployed again, with this mnemonic's keys, on a fresh chain.
 */
export function localChainMnemonic(files: LocalChainFiles, log: Pick<FastifyBaseLogger, 'warn'>): string {
  mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  if (existsSync(files.mnemonic)) {
    chmodSync(files.mnemonic, 0o600);
    return readFileSync(files.mnemonic, 'utf8').trim();
  }
  if (existsSync(files.state) || existsSync(files.addresses)) {
    log.warn({ dir: files.dir }, 'the local chain here was deployed with anvil’s public development keys: starting a fresh chain with keys of its own');
    rmSync(files.state, { force: true });
    rmSync(files.addresses, { force: true });
  }
  const mnemonic = newLocalMnemonic();
  writeFileSync(files.mnemonic, `${mnemonic}\n`, { mode: 0o600, flag: 'wx' });
  return mnemonic;
}
