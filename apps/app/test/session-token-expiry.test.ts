import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { tokenExpiry } from '../src/session/token-expiry';

const KEY = new TextEncoder().encode('a test secret of the server');

/** An access token as apps/server/src/auth/tokens.ts issues it, with room for extra claims. */
function accessToken(claims: Record<string, unknown>, expiresIn: string | number): Promise<string> {
  return new SignJWT({ guest: false, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('6f1c2f0e-58f5-4a53-9d3b-2b7f4c1e9a10')
    .setIssuer('guandan-global')
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(KEY);
}

const payloadOf = (jwt: string) => jwt.split('.')[1];
const withPayload = (jwt: string, json: string) => jwt.replace(payloadOf(jwt), Buffer.from(json).toString('base64url'));

describe('tokenExpiry', () => {
  it('reads the expiry the server signs into a token', async () => {
    const before = Date.now();
    const jwt = await accessToken({}, '900s');
    const after = Date.now();
    const expiry = tokenExpiry(jwt);
    assert.ok(expiry >= Math.floor(before / 1000) * 1000 + 900_000 && expiry <= after + 900_000, `${expiry}`);
  });

  it('reads exp whatever the other claims, base64url characters and padding', async () => {
    const tricky = '>>>???';
    assert.match(payloadOf(await accessToken({ note: tricky }, 2_000_000_000)), /-.*_/);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 40 }), fc.string({ unit: fc.constantFrom('>', '?', '~', 'ÿ', '掼', 'a', '"') }), async (exp, note) => {
        assert.equal(tokenExpiry(await accessToken({ note }, exp)), exp * 1000);
      }),
      { numRuns: 200 },
    );
  });

  it('is 0 (expired) when the token cannot be read', async () => {
    const jwt = await accessToken({}, '900s');
    const unreadable = ['', 'not a token', 'a.b.c', `${jwt.split('.')[0]}.!!!.sig`, jwt.split('.').slice(1).join('.')];
    const noExp = ['{"sub":"x"}', '{"exp":"2000000000"}', '{"exp":null}', 'null', '[2000000000]', '{"exp":'].map((json) => withPayload(jwt, json));
    for (const token of [...unreadable, ...noExp]) assert.equal(tokenExpiry(token), 0, token);
    fc.assert(fc.property(fc.string(), (text) => assert.ok(Number.isFinite(tokenExpiry(text)))));
  });
});
