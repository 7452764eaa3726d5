import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { EventBus } from '../platform/bus.js';
import type { Db } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';
import { unitOfWork } from '../platform/db/unit-of-work.js';
import { consumeOnce } from '../platform/outbox.js';
import { GAME_ENDED, type GameEnded } from '../records/index.js';
import { recordFirstRewardEarned } from './first-reward.js';
import { gameRewards, underDailyCap } from './tokenomics.js';

export const REWARDS_CONSUMER = 'play-rewards';

/**
 * Turns each finished game into $PLAY rewards waiting to be minted (status `pending`), one row per person and game,
 * under the daily cap of the UTC day the game ended. A person with no wallet yet keeps them pending: they are
 * minted once a wallet is linked. `onAccrued` wakes the minter.
 */
export function subscribeRewards(db: Db, bus: EventBus, onAccrued: () => void): void {
  consumeOnce<GameEnded>(db, bus, GAME_ENDED, REWARDS_CONSUMER, async (trx, game) => {
    if (await accrue(trx, game)) onAccrued();
  });
}

async function accrue(trx: Transaction<Database>, game: GameEnded): Promise<boolean> {
  const day = game.endedAt.slice(0, 10);
  let accrued = false;
  for (const reward of gameRewards(game)) {
    const { earned } = await trx
      .selectFrom('rewards')
      .select(sql<number>`coalesce(sum(amount_milli), 0)`.as('earned'))
      .where('user_id', '=', reward.userId)
      .where('day', '=', day)
      .executeTakeFirstOrThrow();
    const milli = underDailyCap(reward.milli, Number(earned));
    if (milli === 0) continue;
    const now = game.endedAt;
    const rewardedBefore = await trx.selectFrom('rewards').select('id').where('user_id', '=', reward.userId).limit(1).executeTakeFirst();
    const inserted = await trx
      .insertInto('rewards')
      .values({
        id: crypto.randomUUID(),
        user_id: reward.userId,
        game_id: game.gameId,
        day,
        amount_milli: milli,
        status: 'pending',
        batch_id: null,
        wallet_address: null,
        tx_hash: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((conflict) => conflict.columns(['game_id', 'user_id']).doNothing())
      .executeTakeFirst();
    if (rewardedBefore === undefined && inserted.numInsertedOrUpdatedRows !== 0n) {
      await recordFirstRewardEarned(unitOfWork(trx), { userId: reward.userId, gameId: game.gameId, day });
    }
    accrued = true;
  }
  return accrued;
}
