import { ProtocolError, type Session, type User, type WalletType } from '@guandan/protocol';
import type { Config } from '../config.js';
import type { Db } from '../platform/db/database.js';
import { type AlsoInTransaction, ageOn, type NewAccount, todayUtc, type UsersService } from '../users/index.js';
import { AuthStore } from './auth-store.js';
import { GENERATED_NAME_ATTEMPTS, guestName, walletName } from './generated-names.js';
import { LoginThrottle, type ThrottlePolicy } from './login-throttle.js';
import { hashPassword, verifyNothing, verifyPassword } from './passwords.js';
import { hashRefreshToken, newRefreshToken, type TokenService } from './tokens.js';
import type { AccessVerifier, AuthUser } from '../platform/access.js';
import { inListChunks } from '../platform/db/in-list.js';
import { transactionOf, type UnitOfWork } from '../platform/db/unit-of-work.js';

export type AuthPolicy = Pick<Config, 'REFRESH_TTL_DAYS' | 'MIN_AGE'> & ThrottlePolicy;

/** Where a sign-in came from, kept for the operators (sessions and addresses of an account). */
export interface ClientInfo {
  address: string | null;
  userAgent: string | null;
  /** The install's own id (DEVICE_ID_HEADER), if it sent one. */
  deviceId: string | null;
}

/** What keeps an account out for now: a ban or a suspension (the moderation domain's). */
export interface AccountBlock {
  code: 'ACCOUNT_BANNED' | 'ACCOUNT_SUSPENDED';
  /** Null: until lifted. */
  until: string | null;
}

export interface AccountBlocks {
  blockOf(userId: string): Promise<AccountBlock | null>;
}

/** What the console shows of an account's sign-ins. */
export interface SignInActivity {
  signIns: { at: string; method: string; address: string | null; user_agent: string | null; device_id: string | null }[];
  addresses: { address: string; sign_ins: number; last_seen: string }[];
  activeSessions: number;
}

const SIGN_INS_SHOWN = 20;

/**
 * Registration, password, guest and wallet sign-in, the refresh-token lifecycle (rotation with reuse detection),
 * and whether a signed-in request may go on: the account exists, is neither banned nor suspended, and was not
 * signed out everywhere since its token was issued.
 */
export class AuthService implements AccessVerifier {
  private readonly store: AuthStore;
  private readonly throttle: LoginThrottle;

  constructor(
    db: Db,
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly policy: AuthPolicy,
    private readonly blocks: AccountBlocks,
  ) {
    this.store = new AuthStore(db);
    this.throttle = new LoginThrottle(db, policy);
  }

  /** A new account with an email; the age gate first: UNDER_AGE (and no account) below MIN_AGE. */
  async register(input: { email: string; password: string; username: string; birth_date: string }): Promise<User> {
    if (ageOn(input.birth_date, todayUtc()) < this.policy.MIN_AGE) throw new ProtocolError('UNDER_AGE', `you must be at least ${this.policy.MIN_AGE} to sign up`);
    return this.users.create({ email: input.email, username: input.username, passwordHash: await hashPassword(input.password), isGuest: false, birthDate: input.birth_date });
  }

  /**
   * INVALID_CREDENTIALS alike for an unknown email and a wrong password. Wrong passwords slow further tries from
   * the same address (RATE_LIMITED with the seconds to wait, `LoginThrottled`) and never lock the account: the
   * owner signing in from an address without failures is not held up by an attacker elsewhere.
   */
  async login(input: { email: string; password: string }, client: ClientInfo): Promise<Session> {
    const address = client.address ?? 'unknown';
    await this.throttle.check(input.email, address);
    const account = await this.users.credentials(input.email);
    if (account === undefined || account.passwordHash === null) {
      await verifyNothing(input.password);
      await this.throttle.recordFailure(input.email, address);
      throw invalidCredentials();
    }
    if (!(await verifyPassword(account.passwordHash, input.password))) {
      await this.throttle.recordFailure(input.email, address);
      throw invalidCredentials();
    }
    await this.throttle.recordSuccess(input.email, address);
    return this.signIn(account.userId, 'password', client);
  }

  /** A new guest account (no email, no password) and its session; `Guest-XXXXX` unless a username is given. */
  async guest(username: string | undefined, client: ClientInfo): Promise<Session> {
    const guest = { email: null, passwordHash: null, isGuest: true };
    const user = username === undefined ? await this.createWithGeneratedName(guest, guestName) : await this.users.create({ ...guest, username });
    return this.signIn(user.user_id, 'guest', client);
  }

  /**
   * A session for the account that holds the wallet, whose ownership the caller has proven (a verified signature
   * of a checksummed address). The first time, the account is made, named after the address; it is not a guest,
   * since the wallet signs it in again. `onCreated` commits with the new account.
   */
  async walletSignIn(wallet: { address: string; type: WalletType | null }, onCreated: AlsoInTransaction, client: ClientInfo): Promise<Session> {
    const existing = await this.users.findIdByWallet(wallet.address);
    if (existing !== undefined) return this.signIn(existing, 'wallet', client);
    try {
      const user = await this.createWithGeneratedName({ email: null, passwordHash: null, isGuest: false, wallet }, (attempt) => walletName(wallet.address, attempt), onCreated);
      return await this.signIn(user.user_id, 'wallet', client);
    } catch (error) {
      // Two first sign-ins of one wallet at once: the other made the account a moment ago, and it is this one's too.
      const madeMeanwhile = error instanceof ProtocolError && error.code === 'WALLET_IN_USE' ? await this.users.findIdByWallet(wallet.address) : undefined;
      if (madeMeanwhile === undefined) throw error;
      return this.signIn(madeMeanwhile, 'wallet', client);
    }
  }

  /**
   * A new session for a live refresh token, which is revoked (rotation). A revoked token presented again was
   * copied, or replayed after logout: every session of its user ends.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const tokenHash = hashRefreshToken(refreshToken);
    const stored = await this.store.findRefreshToken(tokenHash);
    if (stored === undefined) throw new ProtocolError('INVALID_TOKEN', 'unknown refresh token: sign in again');
    const now = new Date().toISOString();
    if (stored.revoked_at === null && stored.expires_at <= now) throw new ProtocolError('INVALID_TOKEN', 'the refresh token has expired: sign in again');
    // A banned or suspended account keeps its refresh tokens, unused, so it can go on once the suspension ends.
    if (stored.revoked_at === null) await this.refuseBlocked(stored.user_id);
    // The conditional revoke also settles two concurrent refreshes with one token: the second counts as reuse.
    if (stored.revoked_at !== null || !(await this.store.revokeRefreshToken(tokenHash, now))) {
      await this.store.revokeAllRefreshTokens(stored.user_id, now);
      throw new ProtocolError('INVALID_TOKEN', 'this refresh token was already used: every session of the account is signed out');
    }
    return this.issueSession(await this.users.get(stored.user_id));
  }

  /** Revokes the refresh token; an unknown or already revoked one is not an error. */
  async logout(refreshToken: string): Promise<void> {
    await this.store.revokeRefreshToken(hashRefreshToken(refreshToken), new Date().toISOString());
  }

  /**
   * The user of a valid access token, if they may go on: INVALID_TOKEN when the account is gone, SIGNED_OUT when
   * an operator signed it out everywhere after the token was issued, ACCOUNT_BANNED or ACCOUNT_SUSPENDED.
   */
  async verifyAccess(token: string): Promise<AuthUser> {
    const claims = await this.tokens.readAccess(token);
    const [exists, cutoff] = await Promise.all([this.users.exists(claims.userId), this.store.sessionCutoff(claims.userId)]);
    if (!exists) throw new ProtocolError('INVALID_TOKEN', 'the account of this token no longer exists');
    if (cutoff !== undefined && claims.issuedAtMs < Date.parse(cutoff)) throw new ProtocolError('SIGNED_OUT', 'this session was ended: sign in again');
    await this.refuseBlocked(claims.userId);
    return { userId: claims.userId, isGuest: claims.isGuest };
  }

  /** Ends every session of the user: refresh tokens revoked, access tokens issued until now refused. */
  async signOutEverywhere(userId: string, work: UnitOfWork): Promise<void> {
    const now = new Date().toISOString();
    await this.store.revokeAllRefreshTokens(userId, now, transactionOf(work));
    await this.store.cutSessions(userId, now, transactionOf(work));
  }

  /** The user's recent sign-ins, the addresses they came from and how many sessions are live. */
  async activity(userId: string): Promise<SignInActivity> {
    const [signIns, addresses, activeSessions] = await Promise.all([
      this.store.signIns(userId, SIGN_INS_SHOWN),
      this.store.addresses(userId),
      this.store.liveSessionCount(userId, new Date().toISOString()),
    ]);
    return { signIns: signIns.map(({ at, method, address, user_agent, device_id }) => ({ at, method, address, user_agent, device_id })), addresses, activeSessions };
  }

  /** Where, on which devices and when each user signed in since `since` (the anti-cheat's account facts). */
  async signInFacts(userIds: readonly string[], since: string): Promise<Map<string, { addresses: string[]; devices: string[]; times: number[] }>> {
    const facts = new Map<string, { addresses: Set<string>; devices: Set<string>; times: number[] }>(userIds.map((userId) => [userId, { addresses: new Set(), devices: new Set(), times: [] }]));
    for (const chunk of inListChunks(userIds)) {
      for (const signIn of await this.store.signInsOf(chunk, since)) {
        const fact = facts.get(signIn.user_id);
        if (fact === undefined) continue;
        if (signIn.address !== null) fact.addresses.add(signIn.address);
        if (signIn.device_id !== null) fact.devices.add(signIn.device_id);
        fact.times.push(Date.parse(signIn.at));
      }
    }
    return new Map([...facts].map(([userId, fact]) => [userId, { addresses: [...fact.addresses], devices: [...fact.devices], times: fact.times }]));
  }

  private async refuseBlocked(userId: string): Promise<void> {
    const block = await this.blocks.blockOf(userId);
    if (block === null) return;
    throw new ProtocolError(block.code, block.code === 'ACCOUNT_BANNED' ? 'this account is banned' : `this account is suspended until ${block.until ?? 'further notice'}`);
  }

  /** A new account named by `nameFor(attempt)`, drawing again while the name is taken. */
  private async createWithGeneratedName(account: Omit<NewAccount, 'username'>, nameFor: (attempt: number) => string, alsoInTransaction?: AlsoInTransaction): Promise<User> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.users.create({ ...account, username: nameFor(attempt) }, alsoInTransaction);
      } catch (error) {
        const nameTaken = error instanceof ProtocolError && error.code === 'USERNAME_TAKEN';
        if (!nameTaken || attempt === GENERATED_NAME_ATTEMPTS) throw error;
      }
    }
  }

  private async signIn(userId: string, method: string, client: ClientInfo): Promise<Session> {
    await this.refuseBlocked(userId);
    await this.users.recordSignIn(userId);
    await this.store.recordSignIn({ user_id: userId, at: new Date().toISOString(), method, address: client.address, user_agent: client.userAgent, device_id: client.deviceId });
    return this.issueSession(await this.users.get(userId));
  }

  private async issueSession(user: User): Promise<Session> {
    const refresh = newRefreshToken();
    const now = Date.now();
    await this.store.saveRefreshToken({
      token_hash: refresh.hash,
      user_id: user.user_id,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + this.policy.REFRESH_TTL_DAYS * 86_400_000).toISOString(),
    });
    return {
      jwt: await this.tokens.issueAccess({ userId: user.user_id, isGuest: user.is_guest }),
      refresh_token: refresh.token,
      expires_in: this.tokens.accessTtlSeconds,
      user,
    };
  }
}

function invalidCredentials(): ProtocolError {
  return new ProtocolError('INVALID_CREDENTIALS', 'wrong email or password');
}

