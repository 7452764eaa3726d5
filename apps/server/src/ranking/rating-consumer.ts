import { teamOf, type Team } from '@guandan/engine';
import type { Transaction } from 'kysely';
import type { EventBus } from '../platform/bus.js';
import { type Db, nowIso } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';
import { consumeOnce } from '../platform/outbox.js';
import { type FinishedSeat, GAME_ENDED, type GameEnded, humanSeats, outcomeFor } from '../records/index.js';
import { BOT_RATINGS, INITIAL_RATING, ratingChange, teamRating } from './elo.js';

export const RATING_CONSUMER = 'ratings';

/**
 * Ranked games move the ratings of the people who played them (team Elo, see elo.ts); other games do not, nor does a
 * game an operator ended before its match was over (nobody won it).
 */
export function subscribeRatings(db: Db, bus: EventBus): void {
  consumeOnce<GameEnded>(db, bus, GAME_ENDED, RATING_CONSUMER, applyRatings);
}

async function applyRatings(trx: Transaction<Database>, game: GameEnded): Promise<void> {
  if (game.gameMode !== 'ranked' || game.endedEarly !== undefined) return;
  const humans = humanSeats(game);
  if (humans.length === 0) return;
  const rows = await trx
    .selectFrom('ratings')
    .select(['user_id', 'rating'])
    .where('user_id', 'in', humans.map((seat) => seat.userId))
    .execute();
  const stored = new Map(rows.map((row) => [row.user_id, row.rating]));
  // A seat with neither a user nor a bot level (not expected) counts at the level new bots get by default.
  const ratingOf = (seat: FinishedSeat): number =>
    seat.userId === null ? BOT_RATINGS[seat.botLevel ?? 'normal'] : (stored.get(seat.userId) ?? INITIAL_RATING);
  const ratingOfTeam = (team: Team): number => teamRating(game.seats.filter((seat) => teamOf(seat.seat) === team).map(ratingOf));
  const change: Record<Team, number> = {
    0: ratingChange(ratingOfTeam(0), ratingOfTeam(1), outcomeFor(game, 0)),
    1: ratingChange(ratingOfTeam(1), ratingOfTeam(0), outcomeFor(game, 1)),
  };
  const updatedAt = nowIso();
  for (const seat of humans) {
    const delta = change[teamOf(seat.seat)];
    // Adding the change in SQL (not writing the rating read above) keeps a concurrent game's change on PostgreSQL.
    await trx
      .insertInto('ratings')
      .values({ user_id: seat.userId, rating: INITIAL_RATING + delta, games: 1, updated_at: updatedAt })
      .onConflict((conflict) =>
        conflict.column('user_id').doUpdateSet((eb) => ({
          rating: eb('ratings.rating', '+', delta),
          games: eb('ratings.games', '+', 1),
          updated_at: updatedAt,
        })),
      )
      .execute();
  }
}
