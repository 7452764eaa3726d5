import type { Db } from '../platform/db/database.js';
import { INITIAL_RATING } from './elo.js';

/** A person's current rating; people who have not played ranked yet start at the initial rating. */
export async function ratingOf(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom('ratings').select('rating').where('user_id', '=', userId).executeTakeFirst();
  return row?.rating ?? INITIAL_RATING;
}
