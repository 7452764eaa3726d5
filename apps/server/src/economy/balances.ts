import { GuanToken, PlayToken, TestUSDC } from '@guandan/contracts';
import { type Address, formatUnits } from 'viem';
import type { ChainRuntime } from './chain-runtime.js';

export interface WalletBalances {
  PLAY: string;
  GUAN: string;
  USDC: string;
}

/**
 * Reads a wallet's three balances from the chain, serving each wallet's answer from memory for `ttlMs`: the lobby
 * and the wallet page ask often, and a block is seconds apart anyway.
 */
export class BalanceReader {
  private readonly cache = new Map<Address, { at: number; balances: Promise<WalletBalances> }>();

  constructor(
    private readonly chain: ChainRuntime,
    private readonly ttlMs: number,
  ) {}

  read(wallet: Address): Promise<WalletBalances> {
    const now = Date.now();
    const cached = this.cache.get(wallet);
    if (cached !== undefined && now - cached.at < this.ttlMs) return cached.balances;
    const balances = this.fetch(wallet);
    this.cache.set(wallet, { at: now, balances });
    // A failed read is not kept: the next request tries the chain again.
    balances.catch(() => this.cache.delete(wallet));
    return balances;
  }

  /** Forgets a wallet's balances, after something changed them. */
  forget(wallet: Address): void {
    this.cache.delete(wallet);
  }

  private async fetch(wallet: Address): Promise<WalletBalances> {
    const { reader } = this.chain.link;
    const { addresses } = this.chain;
    const [play, guan, usdc] = await Promise.all([
      reader.readContract({ address: addresses.PlayToken, abi: PlayToken.abi, functionName: 'balanceOf', args: [wallet] }),
      reader.readContract({ address: addresses.GuanToken, abi: GuanToken.abi, functionName: 'balanceOf', args: [wallet] }),
      reader.readContract({ address: addresses.USDC, abi: TestUSDC.abi, functionName: 'balanceOf', args: [wallet] }),
    ]);
    return { PLAY: formatUnits(play, 18), GUAN: formatUnits(guan, 18), USDC: formatUnits(usdc, 6) };
  }
}
