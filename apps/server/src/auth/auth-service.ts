import { randomInt } from 'node:crypto';
import { ProtocolError, type Session, type User } from '@guandan/protocol';
import type { Config } from '../config.js';
import type { Db } from '../platform/db/database.js';
import type { UsersService } from '../users/users-service.js';
import { AuthStore } from './auth-store.js';
import { hashPassword, verifyNothing, verifyPassword } from './passwords.js';
import { hashRefreshToken, newRefreshToken, type TokenService } from './tokens.js';

export type AuthPolicy = Pick<Config, 'REFRESH_TTL_DAYS' | 'LOGIN_MAX_FAILURES' | 'LOGIN_LOCK_MINUTES'>;

const GUEST_NAME_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A generated guest name can clash with an existing one; a few fresh draws make that vanishingly unlikely. */
const GUEST_NAME_ATTEMPTS = 5;

/** Registration, password and guest sign-in, and the refresh-token lifecycle (rotation with reuse detection). */
export class AuthService {
  private readonly store: AuthStore;

  constructor(
    db: Db,
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly policy: AuthPolicy,
  ) {
    this.store = new AuthStore(db);
  }

  async register(input: { email: string; password: string; username: string }): Promise<User> {
    return this.users.create({ email: input.email, username: input.username, passwordHash: await hashPassword(input.password), isGuest: false });
  }

  /**
   * INVALID_CREDENTIALS alike for an unknown email and a wrong password; ACCOUNT_LOCKED while locked, whatever
   * the password, and on the failure that locks it.
   */
  async login(input: { email: string; password: string }): Promise<Session> {
    const account = await this.store.findCredentials(input.email);
    if (account === undefined || account.passwordHash === null) {
      await verifyNothing(input.password);
      throw invalidCredentials();
    }
    const now = new Date();
    if (account.lockedUntil !== null && account.lockedUntil > now.toISOString()) throw accountLocked(account.lockedUntil);
    if (!(await verifyPassword(account.passwordHash, input.password))) {
      const lockUntil = new Date(now.getTime() + this.policy.LOGIN_LOCK_MINUTES * 60_000).toISOString();
      if (await this.store.recordFailure(account.userId, this.policy.LOGIN_MAX_FAILURES, lockUntil)) throw accountLocked(lockUntil);
      throw invalidCredentials();
    }
    return this.signIn(account.userId);
  }

  /** A new guest account (no email, no password) and its session; `Guest-XXXXX` unless a username is given. */
  async guest(username: string | undefined): Promise<Session> {
    const user = username === undefined ? await this.createGuestWithGeneratedName() : await this.createGuest(username);
    return this.signIn(user.user_id);
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

  private async createGuest(username: string): Promise<User> {
    return this.users.create({ email: null, username, passwordHash: null, isGuest: true });
  }

  private async createGuestWithGeneratedName(): Promise<User> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.createGuest(generatedGuestName());
      } catch (error) {
        const nameTaken = error instanceof ProtocolError && error.code === 'USERNAME_TAKEN';
        if (!nameTaken || attempt === GUEST_NAME_ATTEMPTS) throw error;
      }
    }
  }

  private async signIn(userId: string): Promise<Session> {
    await this.store.recordSignIn(userId, new Date().toISOString());
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

function generatedGuestName(): string {
  const suffix = Array.from({ length: 5 }, () => GUEST_NAME_ALPHABET[randomInt(GUEST_NAME_ALPHABET.length)]).join('');
  return `Guest-${suffix}`;
}

function invalidCredentials(): ProtocolError {
  return new ProtocolError('INVALID_CREDENTIALS', 'wrong email or password');
}

function accountLocked(until: string): ProtocolError {
  return new ProtocolError('ACCOUNT_LOCKED', `too many failed sign-ins: the account is locked until ${until}`);
}
