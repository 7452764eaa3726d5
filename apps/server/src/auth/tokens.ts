import { createHash, randomBytes, type webcrypto } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { ProtocolError } from '@guandan/protocol';
import type { AuthUser } from '../platform/access.js';

const ISSUER = 'guandan-global';

/** What a valid access token says: who, and when it was issued (milliseconds, so a sign-out cuts exactly). */
export interface AccessClaims extends AuthUser {
  issuedAtMs: number;
}

/**
 * Short-lived access tokens (HS256 JWT) and opaque refresh tokens, stored only as hashes. Whether the account may
 * still use a valid token (it exists, is not banned, was not signed out since) is the auth service's question.
 */
export class TokenService {
  /** The HMAC key, imported into WebCrypto once: given raw bytes, jose would import it again for every token. */
  private readonly key: Promise<webcrypto.CryptoKey>;

  constructor(
    secret: string,
    readonly accessTtlSeconds: number,
  ) {
    this.key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  }

  async issueAccess(user: AuthUser): Promise<string> {
    return new SignJWT({ guest: user.isGuest, iat_ms: Date.now() })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.accessTtlSeconds}s`)
      .sign(await this.key);
  }

  /** What a valid access token says; TOKEN_EXPIRED or INVALID_TOKEN otherwise. */
  async readAccess(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, await this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string') throw new ProtocolError('INVALID_TOKEN', 'token has no subject');
      const issuedAtMs = typeof payload.iat_ms === 'number' ? payload.iat_ms : (payload.iat ?? 0) * 1000;
      return { userId: payload.sub, isGuest: payload.guest === true, issuedAtMs };
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
