import type { EventBus } from '../platform/bus.js';
import type { Db } from '../platform/db/database.js';
import { consumeOnce } from '../platform/outbox.js';
import { FIRST_REWARD_EARNED, type FirstRewardEarned } from '../economy/index.js';
import { GAME_ENDED, type GameEnded, humanSeats } from '../records/index.js';
import { ACCOUNT_CREATED, type AccountCreated } from '../users/index.js';
import { WALLET_LINKED, type WalletLinked } from '../wallet/index.js';
import { accountPlayed, accountReached, accountSignedUp, addGame, markActive } from './analytics-writes.js';
import { dayNumber } from './day-numbers.js';
import { gameFactsOf } from './game-facts.js';

/**
 * The rollup: each event is folded into the daily tables as it is published, once (`consumeOnce`), so no scheduled
 * job recomputes anything and a report reads only per-day rows.
 */
export function subscribeAnalytics(db: Db, bus: EventBus, now: () => Date = () => new Date()): void {
  consumeOnce<GameEnded>(db, bus, GAME_ENDED, 'analytics-games', async (trx, game) => {
    const day = dayNumber(game.endedAt);
    await addGame(trx, day, game.gameMode, gameFactsOf(game));
    for (const seat of humanSeats(game)) {
      await markActive(trx, day, seat.userId);
      await accountPlayed(trx, seat.userId, day);
    }
  });
  consumeOnce<AccountCreated>(db, bus, ACCOUNT_CREATED, 'analytics-accounts', (trx, account) => accountSignedUp(trx, account.userId, dayNumber(account.createdAt)));
  // WalletLinked carries no time: the day it is consumed stands for the day it happened (the relay is seconds behind).
  consumeOnce<WalletLinked>(db, bus, WALLET_LINKED, 'analytics-wallets', (trx, linked) => accountReached(trx, linked.userId, 'wallet_day', dayNumber(now().toISOString())));
  consumeOnce<FirstRewardEarned>(db, bus, FIRST_REWARD_EARNED, 'analytics-rewards', (trx, reward) => accountReached(trx, reward.userId, 'first_reward_day', dayNumber(reward.day)));
}
