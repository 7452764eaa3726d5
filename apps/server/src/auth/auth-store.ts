import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { RefreshTokensTable } from '../platform/db/schema.js';

/** What signing in keeps: refresh tokens (as hashes). Passwords and the last sign-in are the users domain's. */
export class AuthStore {
  constructor(private readonly db: Db) {}

  async saveRefreshToken(token: Insertable<RefreshTokensTable>): Promise<void> {
    await this.db.insertInto('refresh_tokens').values(token).execute();
  }

  async findRefreshToken(tokenHash: string): Promise<Selectable<RefreshTokensTable> | undefined> {
    return this.db.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  /** True when this call revoked the token, false when it was revoked already (or never existed). */
  async revokeRefreshToken(tokenHash: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: at })
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async revokeAllRefreshTokens(userId: string, at: string): Promise<void> {
    await this.db.updateTable('refresh_tokens').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  }
}
