import { teamOf } from '@guandan/engine';
import type { Transaction } from 'kysely';
import type { EventBus } from '../platform/bus.js';
import type { Db } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';
import { consumeOnce } from '../platform/outbox.js';
import { GAME_ENDED, type GameEnded, humanSeats, outcomeFor, teamScore } from '../records/index.js';

export const USER_STATS_CONSUMER = 'user-stats';

/**
 * Each person's lifetime totals on the user row: a win or a loss (a drawn game counts as neither) and the team's
 * score for the game (see `teamScore`).
 */
export function subscribeUserStats(db: Db, bus: EventBus): void {
  consumeOnce<GameEnded>(db, bus, GAME_ENDED, USER_STATS_CONSUMER, applyStats);
}

async function applyStats(trx: Transaction<Database>, game: GameEnded): Promise<void> {
  for (const seat of humanSeats(game)) {
    const team = teamOf(seat.seat);
    const outcome = outcomeFor(game, team);
    await trx
      .updateTable('users')
      .set((eb) => ({
        total_wins: eb('total_wins', '+', outcome === 'win' ? 1 : 0),
        total_losses: eb('total_losses', '+', outcome === 'loss' ? 1 : 0),
        total_score: eb('total_score', '+', teamScore(game, team)),
      }))
      .where('id', '=', seat.userId)
      .execute();
  }
}
