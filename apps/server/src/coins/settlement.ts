import { teamOf } from '@guandan/engine';
import type { Transaction } from 'kysely';
import type { EventBus } from '../platform/bus.js';
import type { Db } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';
import { consumeOnce } from '../platform/outbox.js';
import { GAME_ENDED, type GameEnded, humanSeats } from '../records/index.js';
import { applyLedgerEntry, balanceOf } from './ledger.js';

export const COIN_SETTLEMENT_CONSUMER = 'coin-settlement';

/**
 * Game coins change hands deal by deal, in deal order, when the room's base bet is above zero. The stake of a deal
 * is base_bet × rise (the levels it was worth, 1 to 3). Each person on the team whose player finished first gains
 * the stake; each person on the other team pays it, or what they hold if that is less, so no balance goes below
 * zero. Bots neither pay nor receive: the house covers them, as it covers what a short loser cannot pay.
 * Every entry's idempotency key is `deal:<gameId>:<dealNumber>:<userId>`.
 */
export function subscribeCoinSettlement(db: Db, bus: EventBus): void {
  consumeOnce<GameEnded>(db, bus, GAME_ENDED, COIN_SETTLEMENT_CONSUMER, settleGame);
}

async function settleGame(trx: Transaction<Database>, game: GameEnded): Promise<void> {
  if (game.baseBet <= 0) return;
  for (const deal of game.deals) {
    const stake = game.baseBet * deal.rise;
    for (const seat of humanSeats(game)) {
      const idempotencyKey = `deal:${game.gameId}:${deal.number}:${seat.userId}`;
      const where = `game ${game.gameId}, deal ${deal.number}`;
      if (teamOf(seat.seat) === deal.team) {
        await applyLedgerEntry(trx, { userId: seat.userId, amount: stake, reason: `deal won (${where})`, idempotencyKey });
        continue;
      }
      const due = Math.min(await balanceOf(trx, seat.userId), stake);
      if (due > 0) await applyLedgerEntry(trx, { userId: seat.userId, amount: -due, reason: `deal lost (${where})`, idempotencyKey });
    }
  }
}
