import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { WalletNoncesTable } from '../platform/db/schema.js';

export type IssuedNonce = Selectable<WalletNoncesTable>;

/** The wallet sign-in nonces: issued, consumed once, and forgotten a while after they expire. */
export class NonceStore {
  constructor(private readonly db: Db) {}

  async insert(nonce: Insertable<WalletNoncesTable>): Promise<void> {
    await this.db.insertInto('wallet_nonces').values(nonce).execute();
  }

  async find(nonce: string): Promise<IssuedNonce | undefined> {
    return this.db.selectFrom('wallet_nonces').selectAll().where('nonce', '=', nonce).executeTakeFirst();
  }

  /**
   * Marks the nonce used if it is unused and unexpired at `at`, in one conditional write, so of two verifications
   * racing with one signature exactly one wins. True when this call consumed it.
   */
  async consume(nonce: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('wallet_nonces')
      .set({ used_at: at })
      .where('nonce', '=', nonce)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Forgets nonces that expired before `cutoff`; until then a replay is told NONCE_USED or NONCE_EXPIRED. */
  async pruneExpiredBefore(cutoff: string): Promise<void> {
    await this.db.deleteFrom('wallet_nonces').where('expires_at', '<', cutoff).execute();
  }
}
