import {
  ChainInfoSchema,
  PreparedTransactionsSchema,
  ProposalSchema,
  RewardSchema,
  StakingInfoSchema,
  SwapPreparedSchema,
  TokenBalanceSchema,
  WalletResponseSchema,
  type ChainInfo,
  type PreparedTransactions,
  type Proposal,
  type Reward,
  type SWAP_TOKENS,
  type TokenBalance,
  type Wallet,
  type WalletType,
} from '@guandan/protocol';
import { ApiError } from './api-error.js';

/** What a schema parses to, without naming zod here (the protocol owns it). */
type Parsed<S extends { parse(value: unknown): unknown }> = ReturnType<S['parse']>;

export type SwapToken = (typeof SWAP_TOKENS)[number];
export type SwapPrepared = Parsed<typeof SwapPreparedSchema>;
export type StakingInfo = Parsed<typeof StakingInfoSchema>;
/** OpenZeppelin's counting: 0 against, 1 for, 2 abstain. */
export type VoteSupport = 0 | 1 | 2;

export interface SwapRequest {
  from_token: SwapToken;
  to_token: SwapToken;
  /** Whole tokens as typed ("12.5"). */
  amount: string;
  /** How far below the quote the swap may fill, in basis points (the server's default is 100, 1%). */
  slippage_bps?: number;
}

/** A signed-in account's link to its wallet: the EIP-4361 message from `walletNonce` and the wallet's signature. */
export interface WalletLink {
  wallet_type: WalletType;
  wallet_address: string;
  message: string;
  signature: string;
}

/** One JSON-RPC request for the local chain's relay (`POST /v4/chain/rpc`). */
export interface RpcRequest {
  jsonrpc: '2.0';
  id: number | string;
  method: string;
  params?: readonly unknown[];
}

/** The chain's answer as the relay passes it on: a `result`, or a JSON-RPC `error` (a revert, a low balance). */
export interface RpcAnswer {
  jsonrpc: '2.0';
  id: number | string;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** The part of RestClient the economy routes need. */
export interface Caller {
  call<T>(method: string, path: string, body?: unknown, authenticated?: boolean): Promise<T>;
}

/**
 * The wallet, token, staking and DAO routes. Their answers carry token amounts and addresses that end up in signed
 * transactions, so each is checked against its protocol schema rather than trusted.
 */
export class EconomyApi {
  constructor(private readonly rest: Caller) {}

  wallet(): Promise<Wallet | null> {
    return this.parsed(WalletResponseSchema, this.rest.call('GET', '/wallet')).then((answer) => answer.wallet);
  }

  /** Links the wallet that signed `message` to the signed-in account. */
  connectWallet(link: WalletLink): Promise<Wallet | null> {
    return this.parsed(WalletResponseSchema, this.rest.call('POST', '/wallet/connect', link)).then((answer) => answer.wallet);
  }

  /** Where the contracts are; asks without the session, so the sign-in screen can offer the local dev wallet. */
  chain(): Promise<ChainInfo | null> {
    return this.parsed(ChainInfoSchema.nullable(), this.rest.call('GET', '/chain', undefined, false));
  }

  /** Local chain only: gas and test USDC to the linked wallet. */
  faucet(): Promise<{ tx_hashes: string[] }> {
    return this.rest.call('POST', '/chain/faucet', {});
  }

  /** Local chain only: one JSON-RPC call relayed to the chain (the dev wallet's reads and signed transactions). */
  rpc(request: RpcRequest): Promise<RpcAnswer> {
    return this.rest.call('POST', '/chain/rpc', request);
  }

  balance(): Promise<TokenBalance> {
    return this.parsed(TokenBalanceSchema, this.rest.call('GET', '/token/balance'));
  }

  rewards(): Promise<Reward[]> {
    return this.parsed(RewardSchema.array(), this.rest.call('GET', '/token/rewards'));
  }

  /** The swap at the pool's current price, with its expected and minimum output, ready for the wallet to send. */
  swap(request: SwapRequest): Promise<SwapPrepared> {
    return this.parsed(SwapPreparedSchema, this.rest.call('POST', '/token/swap', request));
  }

  staking(): Promise<StakingInfo> {
    return this.parsed(StakingInfoSchema, this.rest.call('GET', '/token/staking'));
  }

  stake(amount: string): Promise<PreparedTransactions> {
    return this.prepared('/token/stake', { amount });
  }

  unstake(amount: string): Promise<PreparedTransactions> {
    return this.prepared('/token/unstake', { amount });
  }

  claimStakingRewards(): Promise<PreparedTransactions> {
    return this.prepared('/token/claim', {});
  }

  proposals(): Promise<Proposal[]> {
    return this.parsed(ProposalSchema.array(), this.rest.call('GET', '/dao/proposals'));
  }

  vote(proposalId: string, support: VoteSupport): Promise<PreparedTransactions> {
    return this.prepared('/dao/vote', { proposal_id: proposalId, support });
  }

  /** Delegates the wallet's GUAN votes to itself: votes count only once delegated. */
  delegateToSelf(): Promise<PreparedTransactions> {
    return this.prepared('/dao/delegate', {});
  }

  private prepared(path: string, body: unknown): Promise<PreparedTransactions> {
    return this.parsed(PreparedTransactionsSchema, this.rest.call('POST', path, body));
  }

  private async parsed<S extends { parse(value: unknown): unknown }>(schema: S, answer: Promise<unknown>): Promise<Parsed<S>> {
    const value = await answer;
    try {
      return schema.parse(value) as Parsed<S>;
    } catch (error) {
      throw new ApiError('INTERNAL', `the server's answer does not match the protocol: ${error instanceof Error ? error.message : String(error)}`, 200);
    }
  }
}
