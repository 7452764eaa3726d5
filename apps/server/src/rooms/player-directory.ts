import type { UnitOfWork } from '../platform/db/unit-of-work.js';

/** What rooms need to know about a person: their name, coins and (for ranked) rating. */
export interface PlayerDirectory {
  profile(userId: string): Promise<{ username: string; coins: number }>;
  /** Inside a room's transaction pass it: on SQLite's single connection a read outside it would wait for it forever. */
  rating(userId: string, work?: UnitOfWork): Promise<number>;
}
