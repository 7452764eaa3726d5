import { ProtocolError } from '@guandan/protocol';
import { type Address, getAddress } from 'viem';
import type { ChainRuntime } from './chain-runtime.js';

/**
 * The user's wallet address, null when none is linked, undefined when there is no such user. The users domain owns
 * the wallet; the economy only asks.
 */
export type WalletAddressOf = (userId: string) => Promise<string | null | undefined>;

/** What most token, staking, item and DAO requests need: the chain and the caller's linked wallet. */
export interface ChainAndWallet {
  runtime: ChainRuntime;
  wallet: Address;
}

/** What a route may require of the chain and of the caller's wallet, refused with the same errors by every route. */
export class ChainAccess {
  constructor(
    /** Null with CHAIN=off. */
    private readonly runtime: ChainRuntime | null,
    private readonly walletAddressOf: WalletAddressOf,
  ) {}

  /** The chain, or a clear refusal when the platform runs without one. */
  chain(): ChainRuntime {
    if (this.runtime === null) throw new ProtocolError('CHAIN_OFF', 'this platform runs without a chain (CHAIN=off)');
    return this.runtime;
  }

  /** Endpoints that hand out test funds or relay raw transactions exist on the local development chain only. */
  localChain(): ChainRuntime {
    const runtime = this.chain();
    if (runtime.funder === null) throw new ProtocolError('CHAIN_OFF', 'only on the local development chain');
    return runtime;
  }

  /** The caller's wallet address as stored, or null when none is linked. */
  async linkedWallet(userId: string): Promise<string | null> {
    const address = await this.walletAddressOf(userId);
    if (address === undefined) throw new ProtocolError('NOT_FOUND', 'no such user');
    return address;
  }

  /** The caller's linked wallet, checksummed; token, staking and DAO requests need one. */
  async wallet(userId: string): Promise<Address> {
    const address = await this.linkedWallet(userId);
    if (address === null) throw new ProtocolError('WALLET_REQUIRED', 'link a wallet first (POST /v4/wallet/connect)');
    return getAddress(address);
  }

  /** The chain, then the caller's wallet: CHAIN_OFF comes before any question about the wallet. */
  async chainAndWallet(userId: string): Promise<ChainAndWallet> {
    const runtime = this.chain();
    return { runtime, wallet: await this.wallet(userId) };
  }

  /** As `chainAndWallet`, on the local development chain only. */
  async localChainAndWallet(userId: string): Promise<ChainAndWallet> {
    const runtime = this.localChain();
    return { runtime, wallet: await this.wallet(userId) };
  }
}
