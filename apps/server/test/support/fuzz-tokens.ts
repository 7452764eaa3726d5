import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { SignJWT } from 'jose';

/** Who the fuzz signs in as: the account it owns, and someone else's. */
export interface FuzzAccounts {
  jwtSecret: string;
  mine: { userId: string; jwt: string };
  other: { userId: string; jwt: string };
}

/** The platform's issuer (src/auth/tokens.ts): a forged token must be wrong only in what it means to test. */
const ISSUER = 'guandan-global';

function sign(secret: string, claims: { sub?: string; iss?: string; exp?: number; guest?: unknown }): Promise<string> {
  let jwt = new SignJWT({ guest: claims.guest ?? true }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(Math.floor(Date.now() / 1000) - 7200);
  if (claims.sub !== undefined) jwt = jwt.setSubject(claims.sub);
  if (claims.iss !== undefined) jwt = jwt.setIssuer(claims.iss);
  jwt = jwt.setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 3600);
  return jwt.sign(new TextEncoder().encode(secret));
}

function unsigned(payload: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}

/**
 * Every Authorization header the fuzz sends (undefined: none), weighted toward the caller's valid token so that
 * handlers run past authentication: junk schemes, malformed bearers, a JWT signed with another key, alg none,
 * expired, wrong issuer, a valid signature for a user that does not exist or a subject that is not an id,
 * and another user's valid token.
 */
export async function authorizationHeaders(accounts: FuzzAccounts): Promise<fc.Arbitrary<string | undefined>> {
  const { jwtSecret, mine, other } = accounts;
  const now = Math.floor(Date.now() / 1000);
  const hostile = [
    'none', 'Bearer', 'Bearer ', 'Bearer x', 'Bearer a.b.c', 'Bearer ....', `Bearer ${'a'.repeat(4000)}`, 'Basic dXNlcjpwYXNz', 'Token abc',
    `bearer ${mine.jwt}`, `Bearer  ${mine.jwt}`, `Bearer ${mine.jwt} extra`, `Bearer ${mine.jwt}x`, `${mine.jwt}`, `Bearer ${mine.jwt.split('.').slice(0, 2).join('.')}.`,
    `Bearer ${await sign(randomBytes(48).toString('base64url'), { sub: mine.userId, iss: ISSUER })}`,
    `Bearer ${unsigned({ sub: mine.userId, iss: ISSUER, exp: now + 3600 })}`,
    `Bearer ${await sign(jwtSecret, { sub: mine.userId, iss: ISSUER, exp: now - 60 })}`,
    `Bearer ${await sign(jwtSecret, { sub: mine.userId, iss: 'someone-else' })}`,
    `Bearer ${await sign(jwtSecret, { iss: ISSUER })}`,
    `Bearer ${await sign(jwtSecret, { sub: randomUUID(), iss: ISSUER, guest: false })}`,
    `Bearer ${await sign(jwtSecret, { sub: '../../admin', iss: ISSUER })}`,
    `Bearer ${await sign(jwtSecret, { sub: `${'9'.repeat(80)}`, iss: ISSUER, guest: 'yes' })}`,
    `Bearer ${await sign(jwtSecret, { sub: '\u0000\u202e', iss: ISSUER })}`,
  ];
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(`Bearer ${mine.jwt}`) },
    { weight: 1, arbitrary: fc.constant(`Bearer ${other.jwt}`) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.constantFrom(...hostile) },
  );
}
