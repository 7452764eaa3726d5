import type { Transaction } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';

/** One game's contribution to a person's entry on a board. */
export interface BoardResult {
  board: string;
  userId: string;
  score: number;
  won: boolean;
  /** When the game ended: an entry's `updated_at` is the end of the latest game it counts. */
  endedAt: string;
}

/** A person's entry on a board as stored, in the terms the board is ranked by. */
export interface BoardEntry {
  user_id: string;
  score: number;
  wins: number;
  updated_at: string;
}

/** Adds a game to a person's entry; the entry as it stands after. */
export async function addToBoard(trx: Transaction<Database>, result: BoardResult): Promise<BoardEntry> {
  const wins = result.won ? 1 : 0;
  return trx
    .insertInto('leaderboard')
    .values({ board: result.board, user_id: result.userId, score: result.score, wins, games: 1, updated_at: result.endedAt })
    .onConflict((conflict) =>
      conflict.columns(['board', 'user_id']).doUpdateSet((eb) => ({
        score: eb('leaderboard.score', '+', result.score),
        wins: eb('leaderboard.wins', '+', wins),
        games: eb('leaderboard.games', '+', 1),
        // Events may arrive out of order (a retried one comes late): keep the later end time.
        updated_at: eb.case().when('leaderboard.updated_at', '<', result.endedAt).then(result.endedAt).else(eb.ref('leaderboard.updated_at')).end(),
      })),
    )
    .returning(['user_id', 'score', 'wins', 'updated_at'])
    .executeTakeFirstOrThrow();
}

/**
 * A board in rank order: higher score first, then more wins, then whoever got there first (earlier update), then
 * the user id so that equal entries keep one order across pages.
 */
function rankedBoard(db: Db, board: string) {
  return db
    .selectFrom('leaderboard')
    .select(['user_id', 'score', 'wins', 'updated_at'])
    .where('board', '=', board)
    .orderBy('score', 'desc')
    .orderBy('wins', 'desc')
    .orderBy('updated_at', 'asc')
    .orderBy('user_id', 'asc');
}

/** `limit` entries of a board from the one at rank `first` (1 is the top). */
export async function boardSlice(db: Db, board: string, first: number, limit: number): Promise<BoardEntry[]> {
  return rankedBoard(db, board)
    .offset(first - 1)
    .limit(limit)
    .execute();
}

/** Every entry of a board, in rank order. */
export async function boardEntries(db: Db, board: string): Promise<BoardEntry[]> {
  return rankedBoard(db, board).execute();
}

/** A user's rank on a board (1 is the top); null when the user is not on it. */
export async function rankOf(db: Db, board: string, userId: string): Promise<number | null> {
  const mine = await db
    .selectFrom('leaderboard')
    .select(['score', 'wins', 'updated_at'])
    .where('board', '=', board)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (mine === undefined) return null;
  // The entries ahead of the user in rankedBoard's order.
  const { ahead } = await db
    .selectFrom('leaderboard')
    .select((eb) => eb.fn.countAll<number | string>().as('ahead'))
    .where('board', '=', board)
    .where((eb) => {
      const sameScore = eb('score', '=', mine.score);
      const sameWins = eb('wins', '=', mine.wins);
      return eb.or([
        eb('score', '>', mine.score),
        eb.and([sameScore, eb('wins', '>', mine.wins)]),
        eb.and([sameScore, sameWins, eb('updated_at', '<', mine.updated_at)]),
        eb.and([sameScore, sameWins, eb('updated_at', '=', mine.updated_at), eb('user_id', '<', userId)]),
      ]);
    })
    .executeTakeFirstOrThrow();
  return Number(ahead) + 1;
}
