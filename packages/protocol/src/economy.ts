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
