import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/** What rooms need to know about a person: their name, coins and (for ranked) rating. */
export interface PlayerDirectory {
  profile(userId: string): Promise<{ username: string; coins: number }>;
  /** Inside a room's transaction pass it: on SQLite's single connection a read outside it would wait for it forever. */
  rating(userId: string, trx?: Transaction<Database>): Promise<number>;
}
