import { randomUUID } from 'node:crypto';
import {
  normalizeUsername,
  type PublicUser,
  ProtocolError,
  type User,
  USERNAME_PROBLEM_CODES,
  USERNAME_PROBLEM_TEXT,
  usernameKey,
  usernameProblem,
  type Wallet,
  type WalletType,
} from '@guandan/protocol';
import type { CoinAccounts } from '../coins/index.js';
import { type Db, nowIso } from '../platform/db/database.js';
import { inListChunks } from '../platform/db/in-list.js';
import { isUniqueViolation } from '../platform/db/unique-violation.js';
import { type UnitOfWork, unitOfWork } from '../platform/db/unit-of-work.js';
import { recordAccountCreated } from './account-created.js';
import { toPublicUser, toUser, toWallet } from './user-shape.js';
import { type Credentials, UsersStore } from './users-store.js';

export interface NewAccount {
  email: string | null;
  username: string;
  /** An argon2id hash; null for a guest, who signs in with refresh tokens only. */
  passwordHash: string | null;
  isGuest: boolean;
  /** A wallet the account is made with (wallet sign-in); its address checksummed. */
  wallet?: { address: string; type: WalletType | null };
  /** YYYY-MM-DD, given at sign-up. */
  birthDate?: string;
}

/** More writes that must commit with an account change, or not at all (an outbox event). */
export type AlsoInTransaction = (work: UnitOfWork, user: User) => Promise<void>;

export interface ProfileChanges {
  username?: string;
  avatar_url?: string | null;
}

/** Accounts and profiles: what other domains use to know who a user is. */
export class UsersService {
  private readonly store: UsersStore;

  constructor(
    private readonly db: Db,
    private readonly coins: CoinAccounts,
    private readonly startingCoins: number,
  ) {
    this.store = new UsersStore(db);
  }

  /** Current names by user id (ids with no account are left out). */
  async usernames(userIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.store.findByIds(userIds);
    return new Map(rows.map((row) => [row.id, row.username]));
  }

  /** The password hash an email signs in with; undefined when no account has that email. */
  credentials(email: string): Promise<Credentials | undefined> {
    return this.store.findCredentials(email);
  }

  recordSignIn(userId: string): Promise<void> {
    return this.store.recordSignIn(userId, new Date().toISOString());
  }

  /** When each account was made and the wallet it holds (the anti-cheat's account facts). */
  async accountFacts(userIds: readonly string[]): Promise<Map<string, { createdAt: string; wallet: string | null }>> {
    const facts = new Map<string, { createdAt: string; wallet: string | null }>();
    for (const chunk of inListChunks(userIds)) {
      for (const row of await this.store.findByIds(chunk)) facts.set(row.id, { createdAt: row.created_at, wallet: row.wallet_address });
    }
    return facts;
  }

  /** Whether the account exists: one primary-key lookup, made for each signed-in request and each socket opened. */
  exists(userId: string): Promise<boolean> {
    return this.store.exists(userId);
  }

  /**
   * A page of accounts for the operator console: `q` is an id or the start of a name, an email or a wallet address;
   * `ids` narrows to those accounts (staff of a role, accounts under a sanction).
   */
  async search(filter: { q?: string; ids?: readonly string[] }, page: number, perPage: number): Promise<{ items: User[]; total: number }> {
    const { rows, total } = await this.store.search(filter, (page - 1) * perPage, perPage);
    const balances = await this.coins.balancesOf(rows.map((row) => row.id));
    return { items: rows.map((row) => toUser(row, balances.get(row.id) ?? 0)), total };
  }

  /** The user; NOT_FOUND when there is none. */
  async get(userId: string): Promise<User> {
    const row = await this.store.findById(userId);
    if (row === undefined) throw new ProtocolError('NOT_FOUND', `no user ${userId}`);
    return toUser(row, await this.coins.balanceOf(userId));
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
   * transaction, and so does `alsoInTransaction`. EMAIL_TAKEN, USERNAME_TAKEN or WALLET_IN_USE when another account
   * holds the email, the username or the wallet.
   */
  async create(account: NewAccount, alsoInTransaction?: AlsoInTransaction): Promise<User> {
    const userId = randomUUID();
    const username = checkedUsername(account.username);
    const createdAt = nowIso();
    try {
      return await this.db.transaction().execute(async (trx) => {
        await this.store.insert(
          {
            id: userId,
            email: account.email,
            username,
            username_key: usernameKey(username),
            password_hash: account.passwordHash,
            wallet_address: account.wallet?.address ?? null,
            wallet_type: account.wallet?.type ?? null,
            total_wins: 0,
            total_losses: 0,
            total_score: 0,
            is_guest: account.isGuest ? 1 : 0,
            created_at: createdAt,
            birth_date: account.birthDate ?? null,
          },
          trx,
        );
        await recordAccountCreated(unitOfWork(trx), { userId, isGuest: account.isGuest, createdAt });
        const { balance } = await this.coins.apply({ userId, amount: this.startingCoins, reason: 'starting grant', idempotencyKey: `grant:${userId}` }, unitOfWork(trx));
        const row = await this.store.findById(userId, trx);
        if (row === undefined) throw new Error(`user ${userId} vanished inside its own transaction`);
        const user = toUser(row, balance);
        await alsoInTransaction?.(unitOfWork(trx), user);
        return user;
      });
    } catch (error) {
      throw takenError(error) ?? error;
    }
  }

  /** The id of the account holding the wallet (a checksummed address), if any. */
  async findIdByWallet(address: string): Promise<string | undefined> {
    return (await this.store.findByWallet(address))?.id;
  }

  /** The user's wallet, null when none is linked; NOT_FOUND when there is no such user. */
  async walletOf(userId: string): Promise<Wallet | null> {
    const row = await this.store.findById(userId);
    if (row === undefined) throw new ProtocolError('NOT_FOUND', `no user ${userId}`);
    return toWallet(row);
  }

  /**
   * The user's wallet address alone, null when none is linked; undefined when there is no such user, so that the
   * caller (the economy) answers that case in its own words.
   */
  async walletAddressOf(userId: string): Promise<string | null | undefined> {
    return this.store.walletAddressOf(userId);
  }

  /**
   * Links the wallet (a checksummed address) to the user, with `alsoInTransaction` in the same transaction.
   * One wallet per account, one account per wallet: WALLET_ALREADY_LINKED when the user has another wallet,
   * WALLET_IN_USE when another account has this one. Linking the wallet the user already has changes nothing and
   * is not an error (`linked` is false then, and `alsoInTransaction` does not run).
   */
  async linkWallet(userId: string, wallet: { address: string; type: WalletType }, alsoInTransaction?: AlsoInTransaction): Promise<{ wallet: Wallet; linked: boolean }> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const current = await this.store.findById(userId, trx);
        if (current === undefined) throw new ProtocolError('NOT_FOUND', `no user ${userId}`);
        const linkedWallet = toWallet(current);
        if (linkedWallet !== null) {
          if (linkedWallet.wallet_address === wallet.address) return { wallet: linkedWallet, linked: false };
          throw new ProtocolError('WALLET_ALREADY_LINKED', 'this account already has a wallet: one wallet per account');
        }
        const holder = await this.store.findByWallet(wallet.address, trx);
        if (holder !== undefined) throw walletInUse();
        // Conditional: a link committed since the read above (a concurrent request) leaves this one no row to
        // change, and the unique index refuses a wallet that another account took meanwhile.
        if (!(await this.store.setWalletIfNone(userId, wallet, trx))) {
          throw new ProtocolError('WALLET_ALREADY_LINKED', 'this account already has a wallet: one wallet per account');
        }
        const row = await this.store.findById(userId, trx);
        if (row === undefined) throw new Error(`user ${userId} vanished inside its own transaction`);
        await alsoInTransaction?.(unitOfWork(trx), toUser(row, await this.coins.balanceOf(userId, unitOfWork(trx))));
        return { wallet: { wallet_address: wallet.address, wallet_type: wallet.type }, linked: true };
      });
    } catch (error) {
      throw takenError(error) ?? error;
    }
  }

  /**
   * The date of birth of an account made without one (a guest, a wallet), given once: it cannot be changed after
   * (CONFLICT), so the age gate cannot be tried again with another date.
   */
  async setBirthDate(userId: string, birthDate: string): Promise<User> {
    if (!(await this.store.setBirthDateIfNone(userId, birthDate))) throw new ProtocolError('CONFLICT', 'the date of birth was given already');
    return this.get(userId);
  }

  /** The account's date of birth (null: not given). */
  async birthDateOf(userId: string): Promise<string | null> {
    return (await this.get(userId)).birth_date;
  }

  /** USERNAME_TAKEN when another account has the new username. */
  async updateProfile(userId: string, changes: ProfileChanges): Promise<User> {
    const { username, ...others } = changes;
    const renamed = username === undefined ? {} : { username: checkedUsername(username), username_key: usernameKey(username) };
    let updated: boolean;
    try {
      updated = await this.store.update(userId, { ...others, ...renamed });
    } catch (error) {
      throw takenError(error) ?? error;
    }
    if (!updated) throw new ProtocolError('NOT_FOUND', `no user ${userId}`);
    return this.get(userId);
  }
}

/**
 * The name normalised, or the refusal of the shared rule. Every way an account is named (the REST schemas, guest
 * and wallet names made up by the server) comes through here, so the stored name and its key always follow it.
 */
function checkedUsername(raw: string): string {
  const username = normalizeUsername(raw);
  const problem = usernameProblem(username);
  if (problem !== null) throw new ProtocolError(USERNAME_PROBLEM_CODES[problem], `username: ${USERNAME_PROBLEM_TEXT[problem]}`);
  return username;
}

/** EMAIL_TAKEN, USERNAME_TAKEN or WALLET_IN_USE for a write that clashed with another account, else null. */
function takenError(error: unknown): ProtocolError | null {
  if (!isUniqueViolation(error)) return null;
  // The constraint is named in the message: "users.email" on SQLite, "users_email_key" on PostgreSQL; the name's
  // case-folded key is "users.username_key" on SQLite and "users_username_fold" on PostgreSQL.
  const column = /users[._](email|username|wallet_address)/.exec(String((error as { message?: unknown }).message))?.[1];
  if (column === 'email') return new ProtocolError('EMAIL_TAKEN', 'an account with this email exists');
  if (column === 'username') return new ProtocolError('USERNAME_TAKEN', 'this username is taken');
  if (column === 'wallet_address') return walletInUse();
  return null;
}

function walletInUse(): ProtocolError {
  return new ProtocolError('WALLET_IN_USE', 'another account has this wallet: one account per wallet');
}
