import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { RefreshTokensTable } from '../platform/db/schema.js';

export interface Credentials {
  userId: string;
  /** Null for an account that cannot sign in with a password. */
  passwordHash: string | null;
}

/** What signing in keeps: password hashes, the last sign-in, and refresh tokens (as hashes). */
export class AuthStore {
  constructor(private readonly db: Db) {}

  async findCredentials(email: string): Promise<Credentials | undefined> {
    const row = await this.db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', email).executeTakeFirst();
    return row === undefined ? undefined : { userId: row.id, passwordHash: row.password_hash };
  }

  async recordSignIn(userId: string, at: string): Promise<void> {
    await this.db.updateTable('users').set({ last_login: at }).where('id', '=', userId).execute();
  }

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
