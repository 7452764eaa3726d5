import type { RankingEntry } from '@guandan/protocol';
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
    .innerJoin('users', 'users.id', 'leaderboard.user_id')
    .select(['leaderboard.user_id', 'users.username', 'leaderboard.score', 'leaderboard.wins'])
    .where('leaderboard.board', '=', board)
    .orderBy('leaderboard.score', 'desc')
    .orderBy('leaderboard.wins', 'desc')
    .orderBy('leaderboard.updated_at', 'asc')
    .orderBy('leaderboard.user_id', 'asc');
}

/** `limit` entries from 1-based position `first`, ranked by position. */
async function entriesFrom(db: Db, board: string, first: number, limit: number): Promise<RankingEntry[]> {
  const rows = await rankedBoard(db, board)
    .offset(first - 1)
    .limit(limit)
    .execute();
  return rows.map((row, index) => ({ rank: first + index, ...row }));
}

/** One page of a board; ranks run on from the previous pages. */
export async function boardPage(db: Db, board: string, page: number, limit: number): Promise<RankingEntry[]> {
  return entriesFrom(db, board, (page - 1) * limit + 1, limit);
}

/** A user's entry with up to `span` entries above and below it; empty when the user is not on the board. */
export async function aroundUser(db: Db, board: string, userId: string, span: number): Promise<RankingEntry[]> {
  const mine = await db
    .selectFrom('leaderboard')
    .select(['score', 'wins', 'updated_at'])
    .where('board', '=', board)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (mine === undefined) return [];
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
  const rank = Number(ahead) + 1;
  const first = Math.max(1, rank - span);
  return entriesFrom(db, board, first, rank - first + 1 + span);
}
