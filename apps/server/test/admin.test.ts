import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  AdminUserDetailSchema,
  AdminUserSchema,
  AuditEntrySchema,
  CoinCorrectionSchema,
  DEVICE_ID_HEADER,
  LedgerEntrySchema,
  pageOf,
  roleAtLeast,
  SanctionSchema,
  SESSION_ENDED_CLOSE_CODE,
  SessionSchema,
  type StaffRole,
} from '@guandan/protocol';
import { sql } from 'kysely';
import { RealtimeClient, type SocketLike } from '@guandan/sdk';
import WebSocket from 'ws';
import { call, expectError, expectOk, newAccount, signUp } from './support/accounts.js';
import { skipWithoutPostgres, startTestServer, type StoreKind, type TestServer } from './support/server.js';
import { adminCli, firstAdmin, loginAs, type Staff, staffMember } from './support/staff.js';

const postgresSkip = await skipWithoutPostgres();
const UsersPage = pageOf(AdminUserSchema);
const AuditPage = pageOf(AuditEntrySchema);
const LedgerPage = pageOf(LedgerEntrySchema);
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

/** An open realtime socket of the session, and how it closed (once it has). */
async function openSocket(t: TestServer, jwt: string): Promise<{ socket: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const socket = new WebSocket(`${t.wsUrl}?token=${jwt}`);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, closed };
}

/** The status and error code the upgrade of a socket with this token is refused with. */
async function refusedUpgrade(t: TestServer, jwt: string): Promise<{ status: number; code: string }> {
  const socket = new WebSocket(`${t.wsUrl}?token=${jwt}`);
  return new Promise((resolve, reject) => {
    socket.once('open', () => reject(new Error('the upgrade was accepted')));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, code: (JSON.parse(body) as { error: { code: string } }).error.code }));
    });
  });
}

/** Any route's answer: its status, and its body parsed when it is JSON (a file route answers with text). */
async function answerOf(t: TestServer, method: string, url: string, token?: string): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const withBody = method !== 'GET';
  if (withBody) headers['content-type'] = 'application/json';
  const response = await fetch(`${t.url}${url}`, { method, headers, body: withBody ? '{}' : undefined });
  const text = await response.text();
  return { status: response.status, body: (response.headers.get('content-type') ?? '').startsWith('application/json') ? (JSON.parse(text) as unknown) : text };
}

async function auditOf(t: TestServer, admin: Staff, targetId: string) {
  return expectOk(await call(t, 'GET', `/admin/audit?target_id=${targetId}`, { token: admin.session.jwt }), AuditPage).items;
}

describe('the operator side: roles, sanctions, sign-out, coin corrections, the audit log', () => {
  let t: TestServer;
  let admin: Staff;
  let operator: Staff;
  let moderator: Staff;
  before(async () => {
    t = await startTestServer({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '100000', LOGIN_ADDRESS_FREE_FAILURES: '1000' } });
    admin = await firstAdmin(t);
    operator = await staffMember(t, admin, 'operator');
    moderator = await staffMember(t, admin, 'moderator');
  });
  after(async () => t.cleanup());

  test('the command line makes the first admin, refuses an unknown email or role, and lists the staff', async () => {
    const me = await call(t, 'GET', '/admin/me', { token: admin.session.jwt });
    assert.equal((me.body as { role: string }).role, 'admin');
    const unknown = await adminCli(t, ['grant', 'nobody@example.com', 'admin']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no account has the email/);
    const badRole = await adminCli(t, ['grant', admin.account.email, 'emperor']);
    assert.equal(badRole.code, 2);
    const listed = await adminCli(t, ['staff']);
    assert.equal(listed.code, 0);
    for (const [staff, role] of [[admin, 'admin'], [operator, 'operator'], [moderator, 'moderator']] as const) {
      assert.match(listed.stdout, new RegExp(`${role}\\s+${staff.session.user.username}`));
    }
    const entries = await auditOf(t, admin, admin.session.user.user_id);
    assert.ok(entries.some((entry) => entry.action === 'role.set' && entry.actor_id === null && entry.actor_name === 'command line'));
  });

  test('every admin route in the OpenAPI document names its role and refuses anyone below it', async () => {
    const document = (await call(t, 'GET', '/openapi.json')).body as { paths: Record<string, Record<string, { 'x-staff-role'?: StaffRole }>> };
    const player = await signUp(t);
    const callers: [StaffRole, string][] = [['player', player.jwt], ['moderator', moderator.session.jwt], ['operator', operator.session.jwt], ['admin', admin.session.jwt]];
    let operations = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      if (!path.startsWith('/v4/admin')) continue;
      for (const [method, operation] of Object.entries(methods)) {
        operations++;
        const needed = operation['x-staff-role'];
        assert.ok(needed !== undefined && needed !== 'player', `${method} ${path} names no staff role`);
        const url = path.replace(/\{\w+\}/g, () => randomUUID());
        const send = (token?: string) => answerOf(t, method.toUpperCase(), url, token);
        expectError(await send(), 401, 'UNAUTHORIZED');
        for (const [role, token] of callers) {
          const answer = await send(token);
          if (roleAtLeast(role, needed)) assert.notEqual(answer.status, 403, `${role} may ${method} ${path}: ${JSON.stringify(answer.body)}`);
          else expectError(answer, 403, 'FORBIDDEN');
        }
      }
    }
    assert.ok(operations >= 11, `only ${operations} admin operations in the document`);
  });

  test('search by name, email, wallet-less id and standing; a moderator reads an account in full', async () => {
    const account = newAccount();
    const session = await signUp(t, account);
    const userId = session.user.user_id;
    for (const q of [account.username.slice(0, 10).toUpperCase(), account.email, userId]) {
      const page = expectOk(await call(t, 'GET', `/admin/users?q=${encodeURIComponent(q)}`, { token: moderator.session.jwt }), UsersPage);
      assert.ok(page.items.some((user) => user.user_id === userId), `search ${q}`);
      assert.ok(page.total >= 1);
    }
    const wildcard = expectOk(await call(t, 'GET', `/admin/users?q=${encodeURIComponent('%')}`, { token: moderator.session.jwt }), UsersPage);
    assert.equal(wildcard.total, 0, 'a % in the search is a character, not a wildcard');
    const detail = expectOk(await call(t, 'GET', `/admin/users/${userId}`, { token: moderator.session.jwt }), AdminUserDetailSchema);
    assert.equal(detail.username, account.username);
    assert.equal(detail.role, 'player');
    assert.equal(detail.sign_ins[0].method, 'password');
    assert.equal(detail.addresses[0].address, '127.0.0.1');
    assert.equal(detail.active_sessions, 1);
    assert.equal(detail.standing.banned, false);
    const staffOnly = expectOk(await call(t, 'GET', '/admin/users?role=operator', { token: moderator.session.jwt }), UsersPage);
    assert.deepEqual(staffOnly.items.map((user) => user.user_id), [operator.session.user.user_id]);
    expectError(await call(t, 'GET', `/admin/users/${randomUUID()}`, { token: moderator.session.jwt }), 404, 'NOT_FOUND');
    expectError(await call(t, 'GET', '/admin/users?per_page=1000', { token: moderator.session.jwt }), 400, 'BAD_REQUEST');
  });

  test('a sign-in keeps the install id the client sent (a malformed one is left out), and the console shows it', async () => {
    const account = newAccount();
    await signUp(t, account);
    const signInWith = async (deviceId: string) =>
      fetch(`${t.url}/v4/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [DEVICE_ID_HEADER]: deviceId },
        body: JSON.stringify({ email: account.email, password: account.password }),
      }).then(async (response) => SessionSchema.parse(await response.json()));
    const session = await signInWith('install-0123456789abcdef');
    await signInWith('not valid!');
    const detail = expectOk(await call(t, 'GET', `/admin/users/${session.user.user_id}`, { token: moderator.session.jwt }), AdminUserDetailSchema);
    assert.deepEqual(detail.sign_ins.map((signIn) => signIn.device_id), [null, 'install-0123456789abcdef', null]);
  });

  test('a ban closes the player\'s socket, refuses their tokens, sign-in, refresh and sockets; lifting it lets them back', async () => {
    const account = newAccount();
    const session = await signUp(t, account);
    const userId = session.user.user_id;
    const { closed } = await openSocket(t, session.jwt);
    expectError(await call(t, 'POST', `/admin/users/${userId}/sanctions`, { token: moderator.session.jwt, body: { kind: 'ban', reason: 'cheating' } }), 403, 'FORBIDDEN');
    const ban = expectOk(await call(t, 'POST', `/admin/users/${userId}/sanctions`, { token: operator.session.jwt, body: { kind: 'ban', reason: 'colluding in ranked' } }), SanctionSchema, 201);
    assert.deepEqual(await closed, { code: SESSION_ENDED_CLOSE_CODE, reason: 'ACCOUNT_BANNED' });

    expectError(await call(t, 'GET', '/users/me', { token: session.jwt }), 403, 'ACCOUNT_BANNED');
    expectError(await call(t, 'POST', '/auth/login', { body: { email: account.email, password: account.password } }), 403, 'ACCOUNT_BANNED');
    expectError(await call(t, 'POST', '/auth/login', { body: { email: account.email, password: 'wrong password' } }), 401, 'INVALID_CREDENTIALS');
    expectError(await call(t, 'POST', '/auth/refresh', { body: { refresh_token: session.refresh_token } }), 403, 'ACCOUNT_BANNED');
    assert.deepEqual(await refusedUpgrade(t, session.jwt), { status: 403, code: 'ACCOUNT_BANNED' });
    const banned = expectOk(await call(t, 'GET', '/admin/users?standing=banned', { token: moderator.session.jwt }), UsersPage);
    assert.ok(banned.items.some((user) => user.user_id === userId && user.standing.banned));

    expectError(await call(t, 'POST', `/admin/users/${userId}/sanctions/${ban.sanction_id}/lift`, { token: moderator.session.jwt, body: { reason: 'appeal' } }), 403, 'FORBIDDEN');
    const lifted = expectOk(await call(t, 'POST', `/admin/users/${userId}/sanctions/${ban.sanction_id}/lift`, { token: operator.session.jwt, body: { reason: 'appeal upheld' } }), SanctionSchema);
    assert.equal(lifted.lift_reason, 'appeal upheld');
    expectError(await call(t, 'POST', `/admin/users/${userId}/sanctions/${ban.sanction_id}/lift`, { token: operator.session.jwt, body: { reason: 'again' } }), 409, 'CONFLICT');
    // The refresh token was kept unused through the ban: it works again.
    expectOk(await call(t, 'POST', '/auth/refresh', { body: { refresh_token: session.refresh_token } }), SessionSchema);
    await loginAs(t, account);

    const actions = (await auditOf(t, admin, userId)).map((entry) => [entry.action, entry.actor_name, entry.reason]);
    assert.deepEqual(actions, [
      ['user.ban.lift', operator.session.user.username, 'appeal upheld'],
      ['user.ban', operator.session.user.username, 'colluding in ranked'],
    ]);
  });

  test('the SDK is told its session ended, with the reason, and does not reconnect', async () => {
    const session = await signUp(t);
    const ended: string[] = [];
    const client = new RealtimeClient({
      url: t.wsUrl,
      token: () => session.jwt,
      socket: (url) => new WebSocket(url) as unknown as SocketLike,
      reconnect: { minDelayMs: 20, maxDelayMs: 40 },
      onSessionEnded: (reason) => ended.push(reason),
    });
    await client.connect();
    expectOk(await call(t, 'POST', `/admin/users/${session.user.user_id}/sanctions`, { token: moderator.session.jwt, body: { kind: 'suspend', reason: 'cooling off', ends_at: inAnHour() } }), SanctionSchema, 201);
    for (let wait = 0; wait < 100 && ended.length === 0; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
    // Long enough for several reconnect attempts, had the client made any.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(ended, ['ACCOUNT_SUSPENDED']);
    assert.equal(client.connected, false);
    client.close();
  });

  test('a suspension ends by itself; its bad inputs are refused and change nothing', async () => {
    const account = newAccount();
    const session = await signUp(t, account);
    const userId = session.user.user_id;
    const path = `/admin/users/${userId}/sanctions`;
    const token = moderator.session.jwt;
    expectError(await call(t, 'POST', path, { token, body: { kind: 'suspend', reason: 'abuse in chat' } }), 400, 'BAD_REQUEST');
    expectError(await call(t, 'POST', path, { token, body: { kind: 'suspend', reason: 'abuse', ends_at: new Date(Date.now() - 1000).toISOString() } }), 400, 'BAD_REQUEST');
    expectError(await call(t, 'POST', path, { token, body: { kind: 'suspend', reason: 'x', ends_at: inAnHour() } }), 400, 'BAD_REQUEST');
    expectError(await call(t, 'POST', path, { token, body: { kind: 'exile', reason: 'abuse in chat' } }), 400, 'BAD_REQUEST');
    expectError(await call(t, 'POST', `/admin/users/${randomUUID()}/sanctions`, { token, body: { kind: 'mute', reason: 'abuse in chat' } }), 404, 'NOT_FOUND');
    assert.deepEqual(await auditOf(t, admin, userId), [], 'nothing refused is audited');

    const endsAt = new Date(Date.now() + 1500).toISOString();
    expectOk(await call(t, 'POST', path, { token, body: { kind: 'suspend', reason: 'abuse in chat', ends_at: endsAt } }), SanctionSchema, 201);
    expectError(await call(t, 'POST', '/auth/login', { body: { email: account.email, password: account.password } }), 403, 'ACCOUNT_SUSPENDED');
    await new Promise((resolve) => setTimeout(resolve, Date.parse(endsAt) - Date.now() + 50));
    await loginAs(t, account);
  });

  test('staff act only on accounts below them, never on themselves', async () => {
    const body = { kind: 'mute', reason: 'testing the ranks' };
    expectError(await call(t, 'POST', `/admin/users/${operator.session.user.user_id}/sanctions`, { token: moderator.session.jwt, body }), 403, 'FORBIDDEN');
    expectError(await call(t, 'POST', `/admin/users/${moderator.session.user.user_id}/sanctions`, { token: moderator.session.jwt, body }), 403, 'FORBIDDEN');
    expectError(await call(t, 'PUT', `/admin/users/${admin.session.user.user_id}/role`, { token: admin.session.jwt, body: { role: 'player', reason: 'step down' } }), 403, 'FORBIDDEN');
    expectOk(await call(t, 'POST', `/admin/users/${moderator.session.user.user_id}/sanctions`, { token: operator.session.jwt, body }), SanctionSchema, 201);
  });

  test('a mute refuses chat and emoji with MUTED until lifted', async () => {
    const session = await signUp(t);
    const userId = session.user.user_id;
    const { socket } = await openSocket(t, session.jwt);
    const replies: { type: string; payload: { code?: string } }[] = [];
    socket.on('message', (data) => replies.push(JSON.parse(data.toString()) as (typeof replies)[number]));
    const errorOf = async (id: string, type: string, payload: unknown): Promise<string | undefined> => {
      socket.send(JSON.stringify({ type, id, payload, timestamp: Date.now() }));
      for (let wait = 0; wait < 100; wait++) {
        const reply = replies.find((message) => message.type === 'ERROR' && (message.payload as { inReplyTo?: string }).inReplyTo === id);
        if (reply !== undefined) return reply.payload.code;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return undefined;
    };
    assert.equal(await errorOf('before', 'SEND_MESSAGE', { text: 'hello' }), 'NOT_IN_GAME');
    const mute = expectOk(await call(t, 'POST', `/admin/users/${userId}/sanctions`, { token: moderator.session.jwt, body: { kind: 'mute', reason: 'insults', ends_at: inAnHour() } }), SanctionSchema, 201);
    assert.equal(await errorOf('muted-text', 'SEND_MESSAGE', { text: 'hello' }), 'MUTED');
    assert.equal(await errorOf('muted-emoji', 'SEND_EMOJI', { emoji: '👍' }), 'MUTED');
    assert.equal(socket.readyState, WebSocket.OPEN, 'a mute leaves the player at the table');
    const detail = expectOk(await call(t, 'GET', `/admin/users/${userId}`, { token: moderator.session.jwt }), AdminUserDetailSchema);
    assert.equal(detail.standing.muted, true);
    assert.equal(detail.standing.muted_until, mute.ends_at);
    expectOk(await call(t, 'POST', `/admin/users/${userId}/sanctions/${mute.sanction_id}/lift`, { token: moderator.session.jwt, body: { reason: 'apologised' } }), SanctionSchema);
    assert.equal(await errorOf('after', 'SEND_MESSAGE', { text: 'hello' }), 'NOT_IN_GAME');
    socket.close();
  });

  test('a forced sign-out ends every session at once: tokens, refresh tokens and sockets', async () => {
    const account = newAccount();
    const first = await signUp(t, account);
    const second = await loginAs(t, account);
    const { closed } = await openSocket(t, second.jwt);
    expectError(await call(t, 'POST', `/admin/users/${first.user.user_id}/sign-out`, { token: moderator.session.jwt, body: { reason: 'stolen account' } }), 403, 'FORBIDDEN');
    const answer = await call(t, 'POST', `/admin/users/${first.user.user_id}/sign-out`, { token: operator.session.jwt, body: { reason: 'stolen account' } });
    assert.equal(answer.status, 204);
    assert.deepEqual(await closed, { code: SESSION_ENDED_CLOSE_CODE, reason: 'SIGNED_OUT' });
    for (const session of [first, second]) {
      expectError(await call(t, 'GET', '/users/me', { token: session.jwt }), 401, 'SIGNED_OUT');
      expectError(await call(t, 'POST', '/auth/refresh', { body: { refresh_token: session.refresh_token } }), 401, 'INVALID_TOKEN');
    }
    const again = await loginAs(t, account);
    expectOk(await call(t, 'GET', '/users/me', { token: again.jwt }), SessionSchema.shape.user);
    const [entry] = await auditOf(t, admin, first.user.user_id);
    assert.equal(entry.action, 'user.sign_out');
    assert.deepEqual(entry.before, { active_sessions: 2 });
  });

  test('a coin correction is one ledger entry with its reason and one audit entry, once per idempotency key', async () => {
    const session = await signUp(t);
    const userId = session.user.user_id;
    const start = session.user.game_coin_balance;
    const path = `/admin/users/${userId}/coin-corrections`;
    const body = { amount: 250, reason: 'refund of a stuck table', idempotency_key: randomUUID() };
    expectError(await call(t, 'POST', path, { token: moderator.session.jwt, body }), 403, 'FORBIDDEN');
    assert.deepEqual(expectOk(await call(t, 'POST', path, { token: operator.session.jwt, body }), CoinCorrectionSchema), { applied: true, balance: start + 250 });
    assert.deepEqual(expectOk(await call(t, 'POST', path, { token: operator.session.jwt, body }), CoinCorrectionSchema), { applied: false, balance: start + 250 });
    expectError(await call(t, 'POST', path, { token: operator.session.jwt, body: { ...body, amount: 0, idempotency_key: randomUUID() } }), 400, 'BAD_REQUEST');
    expectError(await call(t, 'POST', path, { token: operator.session.jwt, body: { ...body, amount: -(start + 251), idempotency_key: randomUUID() } }), 402, 'INSUFFICIENT_COINS');

    const ledger = expectOk(await call(t, 'GET', `/admin/users/${userId}/ledger`, { token: moderator.session.jwt }), LedgerPage);
    assert.equal(ledger.total, 2, 'the starting grant and one correction');
    assert.deepEqual([ledger.items[0].amount, ledger.items[0].reason, ledger.items[0].balance_after], [250, 'correction: refund of a stuck table', start + 250]);
    const entries = await auditOf(t, admin, userId);
    assert.equal(entries.length, 1, 'the replay and the refusals wrote no audit entry');
    assert.deepEqual([entries[0].action, entries[0].before, entries[0].after], ['coins.correct', { balance: start }, { balance: start + 250, amount: 250 }]);
  });

  test('the audit export is an admin\'s: CSV with spreadsheet formulas defused, or JSON lines', async () => {
    const session = await signUp(t);
    const userId = session.user.user_id;
    expectOk(await call(t, 'POST', `/admin/users/${userId}/sanctions`, { token: moderator.session.jwt, body: { kind: 'mute', reason: '=HYPERLINK("x"), "quoted"', ends_at: inAnHour() } }), SanctionSchema, 201);
    expectError(await call(t, 'GET', '/admin/audit/export', { token: operator.session.jwt }), 403, 'FORBIDDEN');
    expectError(await call(t, 'GET', '/admin/audit/export?format=xlsx', { token: admin.session.jwt }), 400, 'BAD_REQUEST');
    expectError(await call(t, 'GET', '/admin/audit?actor_id=nobody', { token: operator.session.jwt }), 400, 'BAD_REQUEST');
    const csv = await fetch(`${t.url}/v4/admin/audit/export?format=csv&target_id=${userId}`, { headers: { authorization: `Bearer ${admin.session.jwt}` } });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="audit-log.csv"/);
    const lines = (await csv.text()).trim().split('\r\n');
    assert.equal(lines[0], 'audit_id,at,actor_id,actor_name,action,target_type,target_id,reason,before,after');
    assert.equal(lines.length, 2);
    assert.ok(lines[1].includes(`"'=HYPERLINK(""x""), ""quoted"""`), lines[1]);
    const jsonl = await fetch(`${t.url}/v4/admin/audit/export?format=jsonl&target_id=${userId}`, { headers: { authorization: `Bearer ${admin.session.jwt}` } });
    const [entry] = (await jsonl.text()).trim().split('\n').map((line) => AuditEntrySchema.parse(JSON.parse(line)));
    assert.equal(entry.reason, '=HYPERLINK("x"), "quoted"');
    assert.equal(entry.actor_id, moderator.session.user.user_id);
  });
});

for (const store of ['sqlite', 'postgres'] satisfies StoreKind[]) {
  describe(`the audit log on ${store}`, { skip: store === 'postgres' ? postgresSkip : false }, () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer({ store, env: { AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
    });
    after(async () => t.cleanup());

    test('the database itself refuses to change or delete an entry', async () => {
      const admin = await firstAdmin(t);
      const { db } = t.server.platform;
      const [entry] = await auditOf(t, admin, admin.session.user.user_id);
      await assert.rejects(sql`update audit_log set reason = 'nothing happened' where id = ${entry.audit_id}`.execute(db), /append-only/);
      await assert.rejects(sql`delete from audit_log where id = ${entry.audit_id}`.execute(db), /append-only/);
      const [again] = await auditOf(t, admin, admin.session.user.user_id);
      assert.deepEqual(again, entry);
    });
  });
}
