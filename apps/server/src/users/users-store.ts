import { usernameKey, type WalletType } from '@guandan/protocol';
import type { Insertable, Updateable } from 'kysely';
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
