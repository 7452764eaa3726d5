import type { RankingEntry } from '@guandan/protocol';
import type { Db } from '../platform/db/database.js';
import { type BoardEntry, boardEntries, boardSlice, rankOf } from './leaderboard-store.js';

/** People's current names by user id: the users domain's, asked for each page. */
export type Usernames = (userIds: readonly string[]) => Promise<Map<string, string>>;

/**
 * The leaderboards as the ranking routes read them and the consumer keeps them. The `leaderboard` table is always
 * the record; a cluster also keeps each board as a Redis sorted set (`cluster/redis-boards.ts`) so that pages and
 * ranks stay cheap however long a board grows.
 */
export interface Boards {
  page(board: string, page: number, limit: number): Promise<RankingEntry[]>;
  around(board: string, userId: string, span: number): Promise<RankingEntry[]>;
  /** A person's entry on a board changed to this, in the consumer's transaction. */
  changed(board: string, entry: BoardEntry): Promise<void>;
}

/** Every entry of a board as recorded, in rank order: what a copy of the boards is rebuilt from. */
export interface BoardRecord {
  entries(board: string): Promise<BoardEntry[]>;
}

/** Entries as the routes answer them: ranked on from `firstRank`, with each person's current name. */
export async function rankedEntries(rows: readonly BoardEntry[], firstRank: number, usernames: Usernames): Promise<RankingEntry[]> {
  if (rows.length === 0) return [];
  const names = await usernames(rows.map((row) => row.user_id));
  return rows.map((row, index) => ({ rank: firstRank + index, user_id: row.user_id, username: names.get(row.user_id) ?? '', score: row.score, wins: row.wins }));
}

/** The boards read straight from the table. */
export class DatabaseBoards implements Boards, BoardRecord {
  constructor(
    private readonly db: Db,
    private readonly usernames: Usernames,
  ) {}

  /** One page of a board; ranks run on from the previous pages. */
  async page(board: string, page: number, limit: number): Promise<RankingEntry[]> {
    const first = (page - 1) * limit + 1;
    return rankedEntries(await boardSlice(this.db, board, first, limit), first, this.usernames);
  }

  /** A user's entry with up to `span` entries above and below it; empty when the user is not on the board. */
  async around(board: string, userId: string, span: number): Promise<RankingEntry[]> {
    const rank = await rankOf(this.db, board, userId);
    if (rank === null) return [];
    const first = Math.max(1, rank - span);
    return rankedEntries(await boardSlice(this.db, board, first, rank - first + 1 + span), first, this.usernames);
  }

  entries(board: string): Promise<BoardEntry[]> {
    return boardEntries(this.db, board);
  }

  async changed(): Promise<void> {}
}
