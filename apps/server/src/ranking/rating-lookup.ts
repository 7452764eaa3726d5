import type { Db } from '../platform/db/database.js';
import { INITIAL_RATING } from './elo.js';

/** A person's rating and the ranked games behind it; before the first, the initial rating and none. */
export async function ratingRecord(db: Db, userId: string): Promise<{ rating: number; games: number }> {
  const row = await db.selectFrom('ratings').select(['rating', 'games']).where('user_id', '=', userId).executeTakeFirst();
  return { rating: row?.rating ?? INITIAL_RATING, games: row?.games ?? 0 };
}

/** A person's current rating; people who have not played ranked yet start at the initial rating. */
export async function ratingOf(db: Db, userId: string): Promise<number> {
  return (await ratingRecord(db, userId)).rating;
}
