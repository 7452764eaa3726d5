import { ProtocolError, RewardSchema, TokenBalanceSchema } from '@guandan/protocol';
import { type Address, formatUnits } from 'viem';
import { z } from 'zod';
import { route } from '../http/api.js';
import type { BalanceReader } from './balances.js';
import type { ChainAccess } from './chain-access.js';
import type { RewardStore } from './reward-store.js';
import { milliToUnits } from './tokenomics.js';

const ZERO = { PLAY: '0', GUAN: '0', USDC: '0' };

const playOf = (milli: number): string => formatUnits(milliToUnits(milli), 18);

/** The /token routes: balances read from the chain and the caller's $PLAY rewards. */
export function economyRoutes(access: ChainAccess, rewards: RewardStore, balances: BalanceReader | null, chainId: number | null) {
  return [
    route({
      method: 'GET',
      path: '/token/balance',
      summary: "The caller's wallet balances on chain (PLAY, GUAN, USDC) and the PLAY earned but not yet minted",
      tag: 'token',
      auth: true,
      response: TokenBalanceSchema,
      handler: async ({ user }) => {
        const wallet = (await access.linkedWallet(user.userId)) as Address | null;
        const pending = await rewards.unmintedMilli(user.userId);
        const onChain = wallet !== null && balances !== null ? await readOrUnavailable(balances, wallet) : ZERO;
        return { wallet_address: wallet, ...onChain, pending_PLAY: playOf(pending), chain_id: chainId };
      },
    }),
    route({
      method: 'GET',
      path: '/token/rewards',
      summary: "The caller's PLAY rewards, newest first",
      tag: 'token',
      auth: true,
      response: z.array(RewardSchema),
      handler: async ({ user }) => {
        const rows = await rewards.latest(user.userId, 100);
        return rows.map((row) => ({ game_id: row.game_id, amount: playOf(row.amount_milli), token: 'PLAY' as const, status: row.status, tx_hash: row.tx_hash, created_at: row.created_at }));
      },
    }),
  ];
}

async function readOrUnavailable(balances: BalanceReader, wallet: Address) {
  try {
    return await balances.read(wallet);
  } catch (error) {
    throw new ProtocolError('UNAVAILABLE', `the chain did not answer: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}
