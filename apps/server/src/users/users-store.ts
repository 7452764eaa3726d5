import { usernameKey, type WalletType } from '@guandan/protocol';
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db, Executor } from '../platform/db/database.js';
import type { UsersTable } from '../platform/db/schema.js';
import type { UserRow } from './user-shape.js';

/** What a password sign-in checks. */
export interface Credentials {
  userId: string;
  /** Null for an account that cannot sign in with a password. */
  passwordHash: string | null;
}

/** The `users` rows; pass a transaction as `executor` to make a write part of a larger one. */
export class UsersStore {
  constructor(private readonly db: Db) {}

  async findById(userId: string, executor: Executor = this.db): Promise<UserRow | undefined> {
    return executor.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  }

  /** Whether the account exists: one primary-key lookup, made for each signed-in request and each socket opened. */
  async exists(userId: string): Promise<boolean> {
    const row = await this.db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    return row !== undefined;
  }

  /**
   * A page of accounts matching `q` (an id, or the start of a name, an email or a wallet address, in any case),
   * among `ids` when given; newest first, with how many match in all.
   */
  async search(filter: { q?: string; ids?: readonly string[] }, offset: number, limit: number): Promise<{ rows: UserRow[]; total: number }> {
    let query = this.db.selectFrom('users');
    if (filter.ids !== undefined) query = filter.ids.length === 0 ? query.where(sql<boolean>`1 = 0`) : query.where('id', 'in', [...filter.ids]);
    const q = filter.q?.trim();
    if (q !== undefined && q !== '') {
      const prefix = `${escapeLike(q.toLowerCase())}%`;
      const namePrefix = `${escapeLike(usernameKey(q))}%`;
      query = query.where((eb) =>
        eb.or([
          eb('id', '=', q),
          eb('username_key', 'like', sql<string>`${namePrefix} escape '\\'`),
          eb('email', 'like', sql<string>`${prefix} escape '\\'`),
          eb(eb.fn('lower', ['wallet_address']), 'like', sql<string>`${prefix} escape '\\'`),
        ]),
      );
    }
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute(),
      query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.total) };
  }

  async findCredentials(email: string): Promise<Credentials | undefined> {
    const row = await this.db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', email).executeTakeFirst();
    return row === undefined ? undefined : { userId: row.id, passwordHash: row.password_hash };
  }

  async recordSignIn(userId: string, at: string): Promise<void> {
    await this.db.updateTable('users').set({ last_login: at }).where('id', '=', userId).execute();
  }

  async findByIds(userIds: readonly string[]): Promise<UserRow[]> {
    if (userIds.length === 0) return [];
    return this.db.selectFrom('users').selectAll().where('id', 'in', [...userIds]).execute();
  }

  /** The account whose name is `username` in any case or compatibility form. */
  async findByUsername(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('username_key', '=', usernameKey(username)).executeTakeFirst();
  }

  async findByWallet(address: string, executor: Executor = this.db): Promise<UserRow | undefined> {
    return executor.selectFrom('users').selectAll().where('wallet_address', '=', address).executeTakeFirst();
  }

  /** The user's wallet address, null when none is linked; undefined when there is no such user. */
  async walletAddressOf(userId: string): Promise<string | null | undefined> {
    return (await this.db.selectFrom('users').select('wallet_address').where('id', '=', userId).executeTakeFirst())?.wallet_address;
  }

  /** Gives the user the wallet unless it has one already; false when it had one (or there is no such user). */
  /** Sets the date of birth if the account has none; false when it had one. */
  async setBirthDateIfNone(userId: string, birthDate: string): Promise<boolean> {
    const result = await this.db.updateTable('users').set({ birth_date: birthDate }).where('id', '=', userId).where('birth_date', 'is', null).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async setWalletIfNone(userId: string, wallet: { address: string; type: WalletType }, executor: Executor = this.db): Promise<boolean> {
    const result = await executor
      .updateTable('users')
      .set({ wallet_address: wallet.address, wallet_type: wallet.type })
      .where('id', '=', userId)
      .where('wallet_address', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async insert(row: Insertable<UsersTable>, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('users').values(row).execute();
  }

  /** False when there is no such user. */
  async update(userId: string, changes: Updateable<UsersTable>): Promise<boolean> {
    const result = await this.db.updateTable('users').set(changes).where('id', '=', userId).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}

/** `text` matched literally inside a LIKE pattern (escape character: backslash). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
