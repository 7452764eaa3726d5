import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { SessionSchema, UserSchema, UsernameSchema } from '@guandan/protocol';
import { Kysely, SqliteDialect } from 'kysely';
import { keyExistingUsernames, settleUsernames } from '../../src/platform/db/username-keys-migration.js';
import { call, expectError, expectOk, newAccount, signUp } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** Characters that make text read differently or draw nothing: controls, bidi, zero-width, fillers. */
const HIDDEN = [
  '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b',
  '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u2060', '\ufeff', '\u00ad', '\u034f', '\u115f',
  '\u1160', '\u3164', '\uffa0', '\u180e', '\ufe0f', '\u061c', '\u2028', '\u2029', '\ue000', '\u{e0041}',
];
const nameCharacters = fc.constantFrom(...'abcdefghijkLMNOPQRZ0123456789_-.');
const plainNames = fc.string({ unit: nameCharacters, minLength: 3, maxLength: 20 }).filter((name) => /[a-z0-9]/i.test(name));

const guest = (t: TestServer, username: string) => call(t, 'POST', '/auth/guest', { body: { username } });

/** Some spelling of `name` that differs from it in case only (or not at all). */
const caseVariant = (name: string) =>
  fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }).map((upper) => [...name].map((character, i) => (upper[i] ? character.toUpperCase() : character.toLowerCase())).join(''));

describe('usernames: one name whatever its case or form, and nothing that hides or imitates', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
  });
  after(async () => t.cleanup());

  test('CaseUser, caseuser and CASEUSER are one name: the second and third are taken', async () => {
    const tag = newAccount().username.slice(-6);
    const first = await signUp(t, { ...newAccount(), username: `CaseUser${tag}` });
    for (const username of [`caseuser${tag}`, `CASEUSER${tag}`, `ＣａｓｅＵｓｅｒ${tag}`, `𝐂𝐚𝐬𝐞𝐔𝐬𝐞𝐫${tag}`]) {
      expectError(await call(t, 'POST', '/auth/register', { body: { ...newAccount(), username } }), 409, 'USERNAME_TAKEN');
      expectError(await guest(t, username), 409, 'USERNAME_TAKEN');
    }
    const other = await signUp(t);
    expectError(await call(t, 'PATCH', '/users/me', { token: other.jwt, body: { username: `casEUSEr${tag}` } }), 409, 'USERNAME_TAKEN');
    // The owner may change the case of their own name.
    const renamed = expectOk(await call(t, 'PATCH', '/users/me', { token: first.jwt, body: { username: `caseUSER${tag}` } }), UserSchema);
    assert.equal(renamed.username, `caseUSER${tag}`);
  });

  test('any case variant of an existing name is refused as taken', async () => {
    await fc.assert(
      fc.asyncProperty(
        plainNames.chain((name) => fc.tuple(fc.constant(name), caseVariant(name))),
        async ([name, variant]) => {
          const unique = `${name}${newAccount().username.slice(-3)}`;
          expectOk(await guest(t, unique), SessionSchema);
          expectError(await guest(t, variant + unique.slice(name.length).toUpperCase()), 409, 'USERNAME_TAKEN');
        },
      ),
      { numRuns: 40 },
    );
  });

  test('names are stored in their normalised form and friends are found by any spelling', async () => {
    const tag = newAccount().username.slice(-6);
    const wide = expectOk(await guest(t, `  Ｗｉｄｅ   ${tag}  `), SessionSchema);
    assert.equal(wide.user.username, `Wide ${tag}`, 'NFKC, trimmed, one space between words');
    const asker = await signUp(t);
    const request = await call(t, 'POST', '/friends/requests', { token: asker.jwt, body: { username: `WIDE ${tag.toUpperCase()}` } });
    assert.ok(request.status < 300, `friend request by another case: ${request.status} ${JSON.stringify(request.body)}`);
  });

  test('invisible, control and bidi characters are refused anywhere in a name', async () => {
    expectError(await guest(t, '\u3164\u3164\u3164'), 400, 'USERNAME_HIDDEN_CHARACTERS');
    expectError(await guest(t, 'admin\u202egnp.exe'), 400, 'USERNAME_HIDDEN_CHARACTERS');
    const withHidden = fc
      .tuple(plainNames, fc.constantFrom(...HIDDEN), fc.nat())
      .map(([name, hidden, at]) => name.slice(0, at % (name.length + 1)) + hidden + name.slice(at % (name.length + 1)));
    fc.assert(
      fc.property(withHidden, (name) => {
        const result = UsernameSchema.safeParse(name);
        assert.ok(!result.success, JSON.stringify(name));
        const [issue] = result.error.issues;
        assert.equal(issue.code === 'custom' ? issue.params?.errorCode : issue.code, 'USERNAME_HIDDEN_CHARACTERS', JSON.stringify(name));
      }),
      { numRuns: 3000 },
    );
    // Also any code point of the categories, not only the listed ones.
    const anyHidden = fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)).filter((c) => /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u.test(c.normalize('NFKC')));
    fc.assert(fc.property(plainNames, anyHidden, (name, hidden) => assert.ok(!UsernameSchema.safeParse(name + hidden + name).success)), { numRuns: 2000 });
    await fc.assert(
      fc.asyncProperty(withHidden, async (name) => expectError(await guest(t, name), 400, 'USERNAME_HIDDEN_CHARACTERS')),
      { numRuns: 30 },
    );
  });

  test('look-alikes mixing scripts are refused; Chinese, Japanese and Korean names may carry Latin letters and digits', async () => {
    for (const lookAlike of ['pаypal', 'Αdmin', 'gооgle', 'аdmin', 'Сase', 'たなか김']) {
      expectError(await guest(t, lookAlike), 400, 'USERNAME_MIXED_SCRIPTS');
    }
    const tag = String(Date.now() % 10_000);
    for (const name of ['张三Zhang', '王2', '掼蛋高手', 'たなか太郎', 'タナカ', '김철수Kim', 'Ελένη', 'Иван', 'Zoë', 'Guest-ABCDE']) {
      const session = expectOk(await guest(t, `${name}${tag}`), SessionSchema);
      assert.equal(session.user.username, `${name}${tag}`);
    }
  });

  test('guest and wallet names the server makes up follow the same rule', async () => {
    const made = expectOk(await call(t, 'POST', '/auth/guest', { body: {} }), SessionSchema);
    assert.equal(UsernameSchema.safeParse(made.user.username).success, true);
  });
});

describe('usernames made before the rule (migration 009)', () => {
  test('clashing names: the oldest account keeps its name, later ones get a tag; refused names are replaced', async () => {
    const renamed = settleUsernames([
      { id: 'aaaa1111-0000-4000-8000-000000000001', username: 'CaseUser' },
      { id: 'bbbb2222-0000-4000-8000-000000000002', username: 'caseuser' },
      { id: 'cccc3333-0000-4000-8000-000000000003', username: 'CASEUSER' },
      { id: 'dddd4444-0000-4000-8000-000000000004', username: '\u3164\u3164\u3164' },
      { id: 'eeee5555-0000-4000-8000-000000000005', username: 'caseuser-cccc' },
    ]);
    assert.deepEqual(Object.fromEntries(renamed), {
      'bbbb2222-0000-4000-8000-000000000002': 'caseuser-bbbb',
      'cccc3333-0000-4000-8000-000000000003': 'CASEUSER-cccc3333',
      'dddd4444-0000-4000-8000-000000000004': 'Player-dddd4444',
    });
  });

  test('a real database with clashing names: the migration step keys them, and the unique key holds afterwards', async () => {
    const t = await startTestServer({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
    await t.close();
    // Back to the state before 009's index, with names the old rules let in (later migrations stay applied).
    const sqlite = new BetterSqlite3(`${t.dataDir}/guandan.sqlite`);
    sqlite.exec('DROP INDEX users_username_fold');
    const insert = sqlite.prepare('INSERT INTO users (id, email, username, created_at) VALUES (?, ?, ?, ?)');
    const ids = ['OldName', 'oldname', 'OLDNAME', '\u3164\u3164\u3164'].map((username, i) => {
      const id = `0000000${i}-0000-4000-8000-00000000000${i}`;
      insert.run(id, newAccount().email, username, `2025-01-0${i + 1}T00:00:00.000Z`);
      return id;
    });
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    await keyExistingUsernames(db);
    await db.schema.createIndex('users_username_fold').on('users').column('username_key').unique().execute();
    await db.destroy();

    const restarted = await startTestServer({ dataDir: t.dataDir, env: { AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
    try {
      const rows = await restarted.server.platform.db.selectFrom('users').select(['username', 'username_key']).where('id', 'in', ids).orderBy('created_at').execute();
      assert.deepEqual(
        rows.map((row) => row.username),
        ['OldName', 'oldname-0000', 'OLDNAME-00000002', 'Player-00000003'],
      );
      assert.equal(new Set(rows.map((row) => row.username_key)).size, 4);
      expectError(await guest(restarted, 'OLDNAME'), 409, 'USERNAME_TAKEN');
    } finally {
      await restarted.cleanup();
    }
  });
});
