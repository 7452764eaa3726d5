import { ProtocolError, type Session, type User, type WalletType } from '@guandan/protocol';
import type { Config } from '../config.js';
import type { Db } from '../platform/db/database.js';
import type { AlsoInTransaction, NewAccount, UsersService } from '../users/index.js';
import { AuthStore } from './auth-store.js';
import { GENERATED_NAME_ATTEMPTS, guestName, walletName } from './generated-names.js';
import { LoginThrottle, type ThrottlePolicy } from './login-throttle.js';
import { hashPassword, verifyNothing, verifyPassword } from './passwords.js';
import { hashRefreshToken, newRefreshToken, type TokenService } from './tokens.js';

export type AuthPolicy = Pick<Config, 'REFRESH_TTL_DAYS'> & ThrottlePolicy;

/**
 * Registration, password, guest and wallet sign-in, and the refresh-token lifecycle (rotation with reuse
 * detection).
 */
export class AuthService {
  private readonly store: AuthStore;
  private readonly throttle: LoginThrottle;

  constructor(
    db: Db,
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly policy: AuthPolicy,
  ) {
    this.store = new AuthStore(db);
    this.throttle = new LoginThrottle(db, policy);
  }

  async register(input: { email: string; password: string; username: string }): Promise<User> {
    return this.users.create({ email: input.email, username: input.username, passwordHash: await hashPassword(input.password), isGuest: false });
  }

  /**
   * INVALID_CREDENTIALS alike for an unknown email and a wrong password. Wrong passwords slow further tries from
   * the same address (RATE_LIMITED with the seconds to wait, `LoginThrottled`) and never lock the account: the
   * owner signing in from an address without failures is not held up by an attacker elsewhere.
   */
  async login(input: { email: string; password: string }, address: string): Promise<Session> {
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
    return this.signIn(account.userId);
  }

  /** A new guest account (no email, no password) and its session; `Guest-XXXXX` unless a username is given. */
  async guest(username: string | undefined): Promise<Session> {
    const guest = { email: null, passwordHash: null, isGuest: true };
    const user = username === undefined ? await this.createWithGeneratedName(guest, guestName) : await this.users.create({ ...guest, username });
    return this.signIn(user.user_id);
  }

  /**
   * A session for the account that holds the wallet, whose ownership the caller has proven (a verified signature
   * of a checksummed address). The first time, the account is made, named after the address; it is not a guest,
   * since the wallet signs it in again. `onCreated` commits with the new account.
   */
  async walletSignIn(wallet: { address: string; type: WalletType | null }, onCreated: AlsoInTransaction): Promise<Session> {
    const existing = await this.users.findIdByWallet(wallet.address);
    if (existing !== undefined) return this.signIn(existing);
    try {
      const user = await this.createWithGeneratedName({ email: null, passwordHash: null, isGuest: false, wallet }, (attempt) => walletName(wallet.address, attempt), onCreated);
      return await this.signIn(user.user_id);
    } catch (error) {
      // Two first sign-ins of one wallet at once: the other made the account a moment ago, and it is this one's too.
      const madeMeanwhile = error instanceof ProtocolError && error.code === 'WALLET_IN_USE' ? await this.users.findIdByWallet(wallet.address) : undefined;
      if (madeMeanwhile === undefined) throw error;
      return this.signIn(madeMeanwhile);
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

  private async signIn(userId: string): Promise<Session> {
    await this.users.recordSignIn(userId);
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

