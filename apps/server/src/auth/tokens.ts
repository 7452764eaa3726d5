import { createHash, randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { ProtocolError } from '@guandan/protocol';

/** Who a request or a connection acts for. */
export interface AuthUser {
  userId: string;
  isGuest: boolean;
}

const ISSUER = 'guandan-global';

/** Short-lived access tokens (HS256 JWT) and opaque refresh tokens, stored only as hashes. */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    readonly accessTtlSeconds: number,
    /** Whether the account a token names still exists: a token outlives a deleted account by up to its lifetime. */
    private readonly accountExists: (userId: string) => Promise<boolean> = async () => true,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issueAccess(user: AuthUser): Promise<string> {
    return new SignJWT({ guest: user.isGuest })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.accessTtlSeconds}s`)
      .sign(this.key);
  }

  /** The user of a valid access token whose account exists; TOKEN_EXPIRED or INVALID_TOKEN otherwise. */
  async verifyAccess(token: string): Promise<AuthUser> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string') throw new ProtocolError('INVALID_TOKEN', 'token has no subject');
      if (!(await this.accountExists(payload.sub))) throw new ProtocolError('INVALID_TOKEN', 'the account of this token no longer exists');
      return { userId: payload.sub, isGuest: payload.guest === true };
    } catch (error) {
      if (error instanceof ProtocolError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new ProtocolError('TOKEN_EXPIRED', 'the access token has expired: refresh it');
      throw new ProtocolError('INVALID_TOKEN', 'the access token is not valid');
    }
  }
}

/** A new refresh token: a random secret for the client, and the hash the store keeps. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The bearer token of an `Authorization` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match === null ? null : match[1];
}
