import type { Insertable, Selectable } from 'kysely';
import type { Db, Executor } from '../platform/db/database.js';
import type { RefreshTokensTable, SignInsTable } from '../platform/db/schema.js';

/**
 * What signing in keeps: refresh tokens (as hashes), each sign-in with where it came from, and when a user was last
 * signed out everywhere. Passwords and the last sign-in time are the users domain's.
 */
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

  async revokeAllRefreshTokens(userId: string, at: string, executor: Executor = this.db): Promise<void> {
    await executor.updateTable('refresh_tokens').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  }

  async recordSignIn(signIn: SignInsTable): Promise<void> {
    await this.db.insertInto('sign_ins').values(signIn).execute();
  }

  /** The user's latest sign-ins, newest first. */
  async signIns(userId: string, limit: number): Promise<Selectable<SignInsTable>[]> {
    return this.db.selectFrom('sign_ins').selectAll().where('user_id', '=', userId).orderBy('at', 'desc').limit(limit).execute();
  }

  /** The sign-ins since `since` of these users, oldest first. */
  async signInsOf(userIds: readonly string[], since: string): Promise<Pick<Selectable<SignInsTable>, 'user_id' | 'at' | 'address' | 'device_id'>[]> {
    if (userIds.length === 0) return [];
    return this.db.selectFrom('sign_ins').select(['user_id', 'at', 'address', 'device_id']).where('user_id', 'in', [...userIds]).where('at', '>=', since).orderBy('at').execute();
  }

  /** The addresses the user signed in from, with how often and when last. */
  async addresses(userId: string): Promise<{ address: string; sign_ins: number; last_seen: string }[]> {
    const rows = await this.db
      .selectFrom('sign_ins')
      .select((eb) => ['address', eb.fn.countAll<number | string>().as('sign_ins'), eb.fn.max('at').as('last_seen')])
      .where('user_id', '=', userId)
      .where('address', 'is not', null)
      .groupBy('address')
      .orderBy('last_seen', 'desc')
      .limit(50)
      .execute();
    return rows.map((row) => ({ address: row.address ?? '', sign_ins: Number(row.sign_ins), last_seen: row.last_seen }));
  }

  /** Refresh tokens of the user neither revoked nor expired. */
  async liveSessionCount(userId: string, now: string): Promise<number> {
    const row = await this.db
      .selectFrom('refresh_tokens')
      .select((eb) => eb.fn.countAll<number | string>().as('live'))
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirstOrThrow();
    return Number(row.live);
  }

  /** Access tokens of the user issued before `at` no longer count. */
  async cutSessions(userId: string, at: string, executor: Executor): Promise<void> {
    await executor
      .insertInto('session_cutoffs')
      .values({ user_id: userId, not_before: at })
      .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ not_before: at }))
      .execute();
  }

  async sessionCutoff(userId: string): Promise<string | undefined> {
    return (await this.db.selectFrom('session_cutoffs').select('not_before').where('user_id', '=', userId).executeTakeFirst())?.not_before;
  }
}
