import type { UnitOfWork } from '../platform/db/unit-of-work.js';
import { enqueueEvent } from '../platform/outbox.js';

export const FIRST_REWARD_EARNED = 'FirstRewardEarned';

/**
 * The `FirstRewardEarned` event: an account accrued its first $PLAY reward. Sent once per account (its id is the
 * account's), so analytics can follow the funnel without reading the rewards table, and without an event per reward.
 */
export interface FirstRewardEarned {
  userId: string;
  gameId: string;
  /** The UTC day (YYYY-MM-DD) of the game that earned it. */
  day: string;
}

/** Written in the transaction that accrues the reward. */
export async function recordFirstRewardEarned(work: UnitOfWork, event: FirstRewardEarned): Promise<void> {
  await enqueueEvent(work, { id: `first-reward:${event.userId}`, kind: FIRST_REWARD_EARNED, payload: event });
}
