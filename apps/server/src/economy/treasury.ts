import type { Treasury } from '@guandan/protocol';
import type { BalanceReader } from './balances.js';
import type { ChainRuntime } from './chain-runtime.js';

const NO_BALANCES = { play: null, guan: null, usdc: null };

/**
 * The DAO treasury's balances: what the timelock holds (the launch's remainder, item royalties). A chain that does not
 * answer is reported as such rather than failing the page that shows it.
 */
export async function readTreasury(chain: ChainRuntime | null, balances: BalanceReader | null, log: { warn(object: unknown, message: string): void }): Promise<Treasury> {
  if (chain === null || balances === null) return { status: 'chain_off', address: null, ...NO_BALANCES };
  const address = chain.addresses.GuandanTimelock;
  try {
    const read = await balances.read(address);
    return { status: 'read', address, play: read.PLAY, guan: read.GUAN, usdc: read.USDC };
  } catch (error) {
    log.warn({ err: error }, 'reading the treasury balances failed');
    return { status: 'unreachable', address, ...NO_BALANCES };
  }
}
