import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { RewardsTable } from '../platform/db/schema.js';

/** Remembers the wallet a person's rewards are minted to; a repeated event changes nothing (one wallet per account). */
export async function recordPayoutWallet(db: Db, userId: string, walletAddress: string): Promise<void> {
  await db.insertInto('reward_wallets').values({ user_id: userId, wallet_address: walletAddress }).onConflict((conflict) => conflict.column('user_id').doNothing()).execute();
}

/** A reward as its owner sees it in the list. */
export type RewardListed = Pick<Selectable<RewardsTable>, 'game_id' | 'amount_milli' | 'status' | 'tx_hash' | 'created_at'>;

/** What the /token routes read of a player's `rewards`. */
export class RewardStore {
  constructor(private readonly db: Db) {}

  /** The thousandths of $PLAY the user earned that are not minted yet (pending or in a batch being minted). */
  async unmintedMilli(userId: string): Promise<number> {
    const { pending } = await this.db
      .selectFrom('rewards')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_milli'), eb.lit(0)).as('pending'))
      .where('user_id', '=', userId)
      .where('status', 'in', ['pending', 'minting'])
      .executeTakeFirstOrThrow();
    // PostgreSQL answers a sum as a string
    return Number(pending);
  }

  /** The user's latest `limit` rewards, newest first. */
  async latest(userId: string, limit: number): Promise<RewardListed[]> {
    return this.db
      .selectFrom('rewards')
      .select(['game_id', 'amount_milli', 'status', 'tx_hash', 'created_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }
}
