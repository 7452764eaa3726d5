import { z } from 'zod';

/** A token amount in whole tokens as a decimal string ("12.5"): exact, unlike a JSON number, at 18 decimals. */
const TokenAmount = z.string().regex(/^\d+(\.\d+)?$/);

/** `GET /v4/token/balance`: what the caller's linked wallet holds on chain, and the $PLAY not yet minted to it. */
export const TokenBalanceSchema = z.object({
  wallet_address: z.string().nullable(),
  PLAY: TokenAmount,
  GUAN: TokenAmount,
  USDC: TokenAmount,
  /** Rewards earned and not yet confirmed on chain (waiting for a wallet, or being minted). */
  pending_PLAY: TokenAmount,
  chain_id: z.number().int().nullable(),
});
export type TokenBalance = z.infer<typeof TokenBalanceSchema>;

export const REWARD_STATUSES = ['pending', 'minting', 'confirmed', 'failed'] as const;

export const RewardSchema = z.object({
  game_id: z.string(),
  amount: TokenAmount,
  token: z.literal('PLAY'),
  status: z.enum(REWARD_STATUSES),
  tx_hash: z.string().nullable(),
  created_at: z.string(),
});
export type Reward = z.infer<typeof RewardSchema>;

/** The realtime `REWARD_EARNED` payload: a reward minted to the player's wallet. */
export interface RewardEarnedPayload {
  gameId: string;
  amount: string;
  token: 'PLAY';
  txHash: string;
}

const Address = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
/** A positive amount in whole tokens, as typed by a person ("12.5"). */
const PositiveAmount = TokenAmount.refine((value) => Number(value) > 0, 'must be above zero');

/** A uint256 id (a token or proposal id) in decimal: anything larger could never be sent to a contract. */
const Uint256Id = z
  .string()
  // Stop here when it is not digits: BigInt below would throw on anything else (a 500, found by the REST fuzz).
  .regex(/^\d{1,78}$/, { abort: true })
  .refine((value) => BigInt(value) < 2n ** 256n, 'beyond uint256');

/** `GET /v4/chain`: where the platform's contracts are, for wallets and the app. */
export const ChainInfoSchema = z.object({
  chain_id: z.number().int(),
  /** True on the local development chain: the dev wallet and the faucet are offered. */
  local: z.boolean(),
  contracts: z.object({
    PlayToken: Address,
    GuanToken: Address,
    USDC: Address,
    Staking: Address,
    PlaySwap: Address,
    GameItems: Address,
    ItemMarket: Address,
    GuandanGovernor: Address,
    GuandanTimelock: Address,
  }),
});
export type ChainInfo = z.infer<typeof ChainInfoSchema>;

/**
 * Transactions the server prepared for the caller's wallet to sign and send, in order (an approval first when one
 * is needed). The server never holds a player's key.
 */
export const PreparedTransactionsSchema = z.object({
  chain_id: z.number().int(),
  from: Address,
  transactions: z.array(
    z.object({
      to: Address,
      data: z.string().regex(/^0x[0-9a-fA-F]*$/),
      /** Wei, as a decimal string. */
      value: z.string(),
      description: z.string(),
    }),
  ),
});
export type PreparedTransactions = z.infer<typeof PreparedTransactionsSchema>;

export const SWAP_TOKENS = ['PLAY', 'USDC'] as const;
export const SwapBodySchema = z
  .strictObject({ from_token: z.enum(SWAP_TOKENS), to_token: z.enum(SWAP_TOKENS), amount: PositiveAmount, slippage_bps: z.number().int().min(0).max(5000).default(100) })
  .refine((body) => body.from_token !== body.to_token, 'from_token and to_token must differ');
export const SwapPreparedSchema = PreparedTransactionsSchema.extend({ expected_out: TokenAmount, min_out: TokenAmount });

export const StakeBodySchema = z.strictObject({ amount: PositiveAmount });
export const StakingInfoSchema = z.object({ staked: TokenAmount, earned: TokenAmount, total_staked: TokenAmount, reward_per_second: TokenAmount });

export const PROPOSAL_STATES = ['Pending', 'Active', 'Canceled', 'Defeated', 'Succeeded', 'Queued', 'Expired', 'Executed'] as const;
export const ProposalSchema = z.object({
  proposal_id: z.string(),
  proposer: Address,
  description: z.string(),
  state: z.enum(PROPOSAL_STATES),
  votes_for: TokenAmount,
  votes_against: TokenAmount,
  votes_abstain: TokenAmount,
  vote_start: z.number().int(),
  vote_end: z.number().int(),
  created_block: z.number().int(),
});
export type Proposal = z.infer<typeof ProposalSchema>;
/** 0 against, 1 for, 2 abstain (OpenZeppelin's counting). */
export const VoteBodySchema = z.strictObject({ proposal_id: Uint256Id, support: z.union([z.literal(0), z.literal(1), z.literal(2)]) });

export const ItemSchema = z.object({
  token_id: z.string(),
  kind: z.enum(['skin', 'badge']),
  uri: z.string(),
  owner: Address,
  /** Unix seconds; 0 when the item was never locked. */
  locked_until: z.number().int(),
});
export type Item = z.infer<typeof ItemSchema>;
export const ListingSchema = z.object({ token_id: z.string(), seller: Address, price: TokenAmount, item: ItemSchema });
export type Listing = z.infer<typeof ListingSchema>;
export const ListItemBodySchema = z.strictObject({ token_id: Uint256Id, price: PositiveAmount });
export const BuyItemBodySchema = z.strictObject({ token_id: Uint256Id });
