import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { FriendshipsTable } from '../platform/db/schema.js';

export type FriendshipRow = Selectable<FriendshipsTable>;

/** The same key for (a, b) and (b, a). */
function pairKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/** Friendships: one row per pair of users, a pending request from `requester_id` until accepted. */
export class FriendsStore {
  constructor(private readonly db: Db) {}

  async findBetween(a: string, b: string): Promise<FriendshipRow | undefined> {
    return this.db.selectFrom('friendships').selectAll().where('pair_key', '=', pairKey(a, b)).executeTakeFirst();
  }

  async listFor(userId: string): Promise<FriendshipRow[]> {
    return this.db
      .selectFrom('friendships')
      .selectAll()
      .where((eb) => eb.or([eb('requester_id', '=', userId), eb('addressee_id', '=', userId)]))
      .execute();
  }

  /** Throws a unique violation when the pair has a row already (a crossing request from the other side). */
  async insertRequest(requesterId: string, addresseeId: string, at: string): Promise<void> {
    await this.db
      .insertInto('friendships')
      .values({ requester_id: requesterId, addressee_id: addresseeId, pair_key: pairKey(requesterId, addresseeId), status: 'pending', created_at: at, updated_at: at })
      .execute();
  }

  /** False when there is no pending request from `requesterId` to `addresseeId`. */
  async accept(requesterId: string, addresseeId: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('friendships')
      .set({ status: 'accepted', updated_at: at })
      .where('requester_id', '=', requesterId)
      .where('addressee_id', '=', addresseeId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** False when there is no pending request from `requesterId` to `addresseeId`. */
  async deletePending(requesterId: string, addresseeId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('friendships')
      .where('requester_id', '=', requesterId)
      .where('addressee_id', '=', addresseeId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** False when the two are not friends. */
  async deleteAccepted(a: string, b: string): Promise<boolean> {
    const result = await this.db.deleteFrom('friendships').where('pair_key', '=', pairKey(a, b)).where('status', '=', 'accepted').executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
