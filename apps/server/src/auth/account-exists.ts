import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/** Whether a user row exists: one primary-key lookup, made for each signed-in request and each socket opened. */
export async function accountExists(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  return row !== undefined;
}
