import { teamOf } from '@guandan/engine';
import type { Transaction } from 'kysely';
import type { EventBus } from '../platform/bus.js';
import type { Db } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';
import { consumeOnce } from '../platform/outbox.js';
import { GAME_ENDED, type GameEnded, humanSeats, outcomeFor, teamScore } from '../records/index.js';
import type { Boards } from './boards.js';
import { addToBoard } from './leaderboard-store.js';
import { boardsFor } from './windows.js';

export const LEADERBOARD_CONSUMER = 'leaderboards';

/**
 * Every game a person plays, in any mode, counts on the global board and on the week's and month's boards of its
 * end time (UTC): the team's score (see `teamScore`), a win, and a game. Past windows stay stored and queryable.
 */
export function subscribeLeaderboards(db: Db, bus: EventBus, boards: Boards): void {
  consumeOnce<GameEnded>(db, bus, GAME_ENDED, LEADERBOARD_CONSUMER, (trx, game) => applyToBoards(trx, game, boards));
}

async function applyToBoards(trx: Transaction<Database>, game: GameEnded, boards: Boards): Promise<void> {
  for (const seat of humanSeats(game)) {
    const team = teamOf(seat.seat);
    const score = teamScore(game, team);
    const won = outcomeFor(game, team) === 'win';
    for (const board of boardsFor(game.endedAt)) {
      const entry = await addToBoard(trx, { board, userId: seat.userId, score, won, endedAt: game.endedAt });
      await boards.changed(board, entry);
    }
  }
}
