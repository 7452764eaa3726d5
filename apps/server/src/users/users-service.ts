import { randomUUID } from 'node:crypto';
import { type PublicUser, ProtocolError, type User } from '@guandan/protocol';
import { applyLedgerEntry } from '../coins/ledger.js';
import { type Db, nowIso } from '../platform/db/database.js';
import { isUniqueViolation } from '../platform/db/unique-violation.js';
import { toPublicUser, toUser } from './user-shape.js';
import { UsersStore } from './users-store.js';

export interface NewAccount {
  email: string | null;
  username: string;
  /** An argon2id hash; null for a guest, who signs in with refresh tokens only. */
  passwordHash: string | null;
  isGuest: boolean;
}

export interface ProfileChanges {
  username?: string;
  avatar_url?: string | null;
}

/** Accounts and profiles: what other domains use to know who a user is. */
export class UsersService {
  private readonly store: UsersStore;

  constructor(
    private readonly db: Db,
    private readonly startingCoins: number,
  ) {
    this.store = new UsersStore(db);
  }

  /** The user; NOT_FOUND when there is none. */
  async get(userId: string): Promise<User> {
    const row = await this.store.findById(userId);
    if (row === undefined) throw new ProtocolError('NOT_FOUND', `no user ${userId}`);
    return toUser(row);
  }

  async getPublic(userId: string): Promise<PublicUser> {
    const row = await this.store.findById(userId);
    if (row === undefined) throw new ProtocolError('NOT_FOUND', `no user ${userId}`);
    return toPublicUser(row);
  }

  async findPublicByUsername(username: string): Promise<PublicUser | undefined> {
    const row = await this.store.findByUsername(username);
    return row === undefined ? undefined : toPublicUser(row);
  }

  /** The public profiles of the users that exist among `userIds`, by id. */
  async publicProfiles(userIds: readonly string[]): Promise<Map<string, PublicUser>> {
    const rows = await this.store.findByIds([...new Set(userIds)]);
    return new Map(rows.map((row) => [row.id, toPublicUser(row)]));
  }

  /**
   * Makes an account with its starting coins, both or neither: the grant goes through the ledger in the same
   * transaction. EMAIL_TAKEN or USERNAME_TAKEN when another account holds either.
   */
  async create(account: NewAccount): Promise<User> {
    const userId = randomUUID();
    try {
      return await this.db.transaction().execute(async (trx) => {
        await this.store.insert(
          {
            id: userId,
            email: account.email,
            username: account.username,
            password_hash: account.passwordHash,
            game_coin_balance: 0,
            total_wins: 0,
            total_losses: 0,
            total_score: 0,
            is_guest: account.isGuest ? 1 : 0,
            failed_logins: 0,
            created_at: nowIso(),
          },
          trx,
        );
        await applyLedgerEntry(trx, { userId, amount: this.startingCoins, reason: 'starting grant', idempotencyKey: `grant:${userId}` });
        const row = await this.store.findById(userId, trx);
        if (row === undefined) throw new Error(`user ${userId} vanished inside its own transaction`);
        return toUser(row);
      });
    } catch (error) {
      throw takenError(error) ?? error;
    }
  }

  /** USERNAME_TAKEN when another account has the new username. */
  async updateProfile(userId: string, changes: ProfileChanges): Promise<User> {
    let updated: boolean;
    try {
      updated = await this.store.update(userId, changes);
    } catch (error) {
      throw takenError(error) ?? error;
    }
    if (!updated) throw new ProtocolError('NOT_FOUND', `no user ${userId}`);
    return this.get(userId);
  }
}

/** EMAIL_TAKEN or USERNAME_TAKEN for a write that clashed with another account, else null. */
function takenError(error: unknown): ProtocolError | null {
  if (!isUniqueViolation(error)) return null;
  // The constraint is named in the message: "users.email" on SQLite, "users_email_key" on PostgreSQL.
  const column = /users[._](email|username)/.exec(String((error as { message?: unknown }).message))?.[1];
  if (column === 'email') return new ProtocolError('EMAIL_TAKEN', 'an account with this email exists');
  if (column === 'username') return new ProtocolError('USERNAME_TAKEN', 'this username is taken');
  return null;
}
