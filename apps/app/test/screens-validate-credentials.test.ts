import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LoginBodySchema, RegisterBodySchema } from '@guandan/protocol';
import { birthDateProblem, type Credentials, credentialsProblem, USERNAME_PROBLEM_KEYS } from '../src/screens/auth/validate-credentials';
import type { StringKey } from '../src/i18n/strings';

type Mode = 'signIn' | 'signUp';

/** The problem key of each field the server's schema refuses, for the body the auth screen sends (email and username trimmed). */
function serverRefuses(mode: Mode, { email, password, username }: Credentials): Set<StringKey> {
  const body = mode === 'signIn' ? { email: email.trim(), password } : { email: email.trim(), password, username: username.trim() };
  const result = (mode === 'signIn' ? LoginBodySchema : RegisterBodySchema).safeParse(body);
  const fields = new Set(result.success ? [] : result.error.issues.map((issue) => issue.path[0]));
  const keys: [string, StringKey][] = [
    ['email', 'auth.invalidEmail'],
    ['password', 'auth.shortPassword'],
    ...Object.values(USERNAME_PROBLEM_KEYS).map((key): [string, StringKey] => ['username', key]),
  ];
  return new Set(keys.filter(([field]) => fields.has(field)).map(([, key]) => key));
}

/** Strings of `alphabet`'s characters, of every length up to `maxLength` alike (so the limits are hit often). */
const chars = (alphabet: string, maxLength: number) =>
  fc.integer({ min: 0, max: maxLength }).chain((length) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length }));
const padding = chars(' \t\n\u00a0', 2);
const padded = (text: fc.Arbitrary<string>) => fc.tuple(padding, text, padding).map((parts) => parts.join(''));

const emails = padded(
  fc.oneof(
    fc.emailAddress(),
    fc.tuple(chars('aZ0._-+!@ é', 6), fc.constantFrom('@', '', '@@'), chars('az0-.@ ', 6), fc.constantFrom('.', ''), chars('comé.', 4)).map((parts) => parts.join('')),
  ),
);
/** Usernames of characters the server allows (letters of any script, digits, _ - . and space). */
const allowedNames = chars('aZ7_-. 汉é𠀀', 28);
const usernames = fc.oneof(padded(allowedNames), chars('aZ7_-. 汉é𠀀!\t@\u00a0', 28));
/** Passwords near both limits, some with characters outside the BMP (two UTF-16 units, one character for the server). */
const passwords = fc.oneof(fc.string({ maxLength: 12 }), chars('a 7🂡掼𠀀', 10), fc.string({ minLength: 120, maxLength: 136 }));
const modes = fc.constantFrom<Mode>('signIn', 'signUp');

describe('credentialsProblem', () => {
  it('refuses only what the server refuses too, naming a field it refuses (so it never blocks a valid account)', () => {
    fc.assert(
      fc.property(modes, emails, passwords, usernames, (mode, email, password, username) => {
        const problem = credentialsProblem(mode, { email, password, username });
        assert.ok(problem === null || serverRefuses(mode, { email, password, username }).has(problem), `${mode} ${problem}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the server on username and password length, counted in characters', () => {
    const valid = { email: 'player@example.com', password: 'long enough', username: 'player' };
    assert.equal(credentialsProblem('signUp', { ...valid, username: '𝓖𝓾𝓪𝓷𝓭𝓪𝓷 𝓜𝓪𝓼𝓽𝓮𝓻' }), null, '14 characters, 27 UTF-16 units');
    assert.equal(credentialsProblem('signUp', { ...valid, password: '🂡🂢🂣🂤' }), 'auth.shortPassword', '4 characters, 8 UTF-16 units');
    fc.assert(
      fc.property(padded(allowedNames), (username) => {
        const refused = serverRefuses('signUp', { ...valid, username }).size > 0;
        assert.equal(credentialsProblem('signUp', { ...valid, username }) !== null, refused, JSON.stringify(username));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(modes, fc.oneof(fc.string({ maxLength: 128 }), chars('a 7🂡掼𠀀', 10)), (mode, password) => {
        const refused = serverRefuses(mode, { ...valid, password }).has('auth.shortPassword');
        assert.equal(credentialsProblem(mode, { ...valid, password }) === 'auth.shortPassword', refused, `${mode} ${JSON.stringify(password)}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts every email the server accepts, and refuses text that is not one', () => {
    const account = { password: 'long enough', username: 'player' };
    fc.assert(
      fc.property(modes, padded(fc.emailAddress()), (mode, email) => {
        fc.pre(!serverRefuses(mode, { ...account, email }).has('auth.invalidEmail'));
        assert.equal(credentialsProblem(mode, { ...account, email }), null, email);
      }),
    );
    for (const email of ['', '   ', 'player', 'player@', '@example.com', 'player@example', 'pla yer@example.com', 'a@b@example.com']) {
      assert.equal(credentialsProblem('signIn', { ...account, email }), 'auth.invalidEmail', email);
    }
  });
});

describe('birthDateProblem', () => {
  const today = new Date('2026-12-08T12:00:00Z');
  it('takes a real past day written year-month-day, and nothing else', () => {
    for (const day of ['1990-04-01', '2000-02-29', '2026-12-08', ' 1990-04-01 ']) assert.equal(birthDateProblem(day, today), null, day);
    for (const day of ['', '1990-4-1', '01/04/1990', '1990-02-30', '2001-02-29', '2026-12-09', '1899-12-31', 'yesterday']) {
      assert.equal(birthDateProblem(day, today), 'auth.badBirthDate', day);
    }
  });
});
