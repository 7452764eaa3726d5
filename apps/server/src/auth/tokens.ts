import { createHash, randomBytes, type webcrypto } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { ProtocolError } from '@guandan/protocol';
import type { AccessVerifier, AuthUser } from '../platform/access.js';


const ISSUER = 'guandan-global';

/** Short-lived access tokens (HS256 JWT) and opaque refresh tokens, stored only as hashes. */
export class TokenService implements AccessVerifier {
  /** The HMAC key, imported into WebCrypto once: given raw bytes, jose would import it again for every token. */
  private readonly key: Promise<webcrypto.CryptoKey>;

  constructor(
    secret: string,
    readonly accessTtlSeconds: number,
    /** Whether the account a token names still exists: a token outlives a deleted account by up to its lifetime. */
    private readonly accountExists: (userId: string) => Promise<boolean> = async () => true,
  ) {
    this.key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  }

  async issueAccess(user: AuthUser): Promise<string> {
    return new SignJWT({ guest: user.isGuest })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.accessTtlSeconds}s`)
      .sign(await this.key);
  }

  /** The user of a valid access token whose account exists; TOKEN_EXPIRED or INVALID_TOKEN otherwise. */
  async verifyAccess(token: string): Promise<AuthUser> {
    try {
      const { payload } = await jwtVerify(token, await this.key, { issuer: ISSUER, algorithms: ['HS256'] });
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
