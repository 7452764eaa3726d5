import type { RankingEntry } from '@guandan/protocol';
import type { Db } from '../platform/db/database.js';
import { aroundUser, type BoardEntry, boardPage } from './leaderboard-store.js';

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

/** The boards read straight from the table. */
export class DatabaseBoards implements Boards {
  constructor(private readonly db: Db) {}

  page(board: string, page: number, limit: number): Promise<RankingEntry[]> {
    return boardPage(this.db, board, page, limit);
  }

  around(board: string, userId: string, span: number): Promise<RankingEntry[]> {
    return aroundUser(this.db, board, userId, span);
  }

  async changed(): Promise<void> {}
}
