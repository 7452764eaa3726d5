import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { after, before, describe, test } from 'node:test';
import { AdminTableSchema, AdminTableSummarySchema, AuditEntrySchema, GameRoomSchema, ModerationCaseSchema, pageOf, ReportReceiptSchema } from '@guandan/protocol';
import { call, expectError, expectOk } from './support/accounts.js';
import { customTable } from './support/games.js';
import type { TestPlayer } from './support/players.js';
import { startTestServer, type TestServer } from './support/server.js';
import { firstAdmin, type Staff, staffMember } from './support/staff.js';
import { connectedPlayers, MANY_GUESTS, waitFor } from './support/table-play.js';

const CasesPage = pageOf(ModerationCaseSchema);

describe('reports, the moderation queue and live tables', () => {
  let t: TestServer;
  let players: TestPlayer[];
  let gameId: string;
  let admin: Staff;
  let moderator: Staff;
  before(async () => {
    t = await startTestServer({ env: MANY_GUESTS });
    admin = await firstAdmin(t);
    moderator = await staffMember(t, admin, 'moderator');
    players = await connectedPlayers(t, 'rp');
    const started = Promise.all(players.map((player) => waitFor(player, 'GAME_STATE_UPDATE')));
    const roomId = await customTable(players);
    await started;
    const room = expectOk(await call(t, 'GET', `/game/rooms/${roomId}`, { token: players[0].session.jwt }), GameRoomSchema);
    gameId = room.game_id as string;
    const heard = waitFor(players[1], 'CHAT_MESSAGE', (message) => message.payload.text === 'you play like a bot');
    players[0].realtime.send('SEND_MESSAGE', { text: 'you play like a bot' });
    await heard;
  });
  after(async () => t.cleanup());

  const report = (reporter: TestPlayer, body: Record<string, unknown>) => call(t, 'POST', '/reports', { token: reporter.session.jwt, body });

  test('a report from the table reaches the queue with the game, the position and its chat; a moderator closes it once', async () => {
    const body = { user_id: players[0].userId, category: 'abuse', note: 'insults at the table', game_id: gameId, position: 3 };
    const receipt = expectOk(await report(players[1], body), ReportReceiptSchema, 201);
    assert.equal(receipt.status, 'open');
    assert.equal(expectOk(await report(players[1], body), ReportReceiptSchema, 201).case_id, receipt.case_id, 'the same open report again is the same case');

    const queue = expectOk(await call(t, 'GET', '/admin/cases?status=open', { token: moderator.session.jwt }), CasesPage);
    const listed = queue.items.find((item) => item.case_id === receipt.case_id);
    assert.ok(listed !== undefined);
    assert.deepEqual([listed.source, listed.category, listed.subject_names, listed.reporter_name], ['report', 'abuse', [players[0].session.user.username], players[1].session.user.username]);
    assert.deepEqual([listed.game_id, listed.position, listed.note], [gameId, 3, 'insults at the table']);
    const chat = (listed.evidence as { chat: { user_id: string; text: string | null }[] }).chat;
    assert.deepEqual(chat.map((line) => [line.user_id, line.text]), [[players[0].userId, 'you play like a bot']]);
    const aboutPlayer = expectOk(await call(t, 'GET', `/admin/cases?subject_id=${players[0].userId}`, { token: moderator.session.jwt }), CasesPage);
    assert.deepEqual(aboutPlayer.items.map((item) => item.case_id), [receipt.case_id]);

    const path = `/admin/cases/${receipt.case_id}/resolve`;
    expectError(await call(t, 'POST', path, { token: moderator.session.jwt, body: { status: 'closed', outcome: 'done' } }), 400, 'BAD_REQUEST');
    const resolved = expectOk(await call(t, 'POST', path, { token: moderator.session.jwt, body: { status: 'actioned', outcome: 'muted for a day' } }), ModerationCaseSchema);
    assert.deepEqual([resolved.status, resolved.outcome, resolved.resolved_by], ['actioned', 'muted for a day', moderator.session.user.user_id]);
    expectError(await call(t, 'POST', path, { token: moderator.session.jwt, body: { status: 'dismissed', outcome: 'again' } }), 409, 'CONFLICT');
    const audit = expectOk(await call(t, 'GET', `/admin/audit?target_id=${receipt.case_id}`, { token: admin.session.jwt }), pageOf(AuditEntrySchema));
    assert.deepEqual(audit.items.map((entry) => [entry.action, entry.reason, entry.actor_name]), [['case.actioned', 'muted for a day', moderator.session.user.username]]);
    const closedReport = expectOk(await report(players[1], body), ReportReceiptSchema, 201);
    assert.notEqual(closedReport.case_id, receipt.case_id, 'after a case is closed, a new report opens a new one');
  });

  test('bad reports are refused and open nothing', async () => {
    const before = expectOk(await call(t, 'GET', '/admin/cases', { token: moderator.session.jwt }), CasesPage).total;
    expectError(await report(players[2], { user_id: players[2].userId, category: 'cheating' }), 400, 'BAD_REQUEST');
    expectError(await report(players[2], { user_id: randomUUID(), category: 'cheating' }), 404, 'NOT_FOUND');
    expectError(await report(players[2], { user_id: players[0].userId, category: 'looks' }), 400, 'BAD_REQUEST');
    expectError(await report(players[2], { user_id: players[0].userId, category: 'other', note: 'x'.repeat(501) }), 400, 'BAD_REQUEST');
    expectError(await call(t, 'POST', '/reports', { body: { user_id: players[0].userId, category: 'other' } }), 401, 'UNAUTHORIZED');
    assert.equal(expectOk(await call(t, 'GET', '/admin/cases', { token: moderator.session.jwt }), CasesPage).total, before);
    expectError(await call(t, 'GET', `/admin/cases/${randomUUID()}`, { token: moderator.session.jwt }), 404, 'NOT_FOUND');
    expectError(await call(t, 'GET', '/admin/cases?status=closed', { token: moderator.session.jwt }), 400, 'BAD_REQUEST');
    expectError(await call(t, 'GET', '/admin/cases?subject_id=someone', { token: moderator.session.jwt }), 400, 'BAD_REQUEST');
  });

  test('a reporter files at most 20 reports a day: the queue cannot be flooded from one account', async () => {
    const reporter = players[3];
    let filed = 0;
    for (; filed < 25; filed++) {
      const answer = await report(reporter, { user_id: players[0].userId, category: 'other', game_id: randomUUID() });
      if (answer.status !== 201) {
        expectError(answer, 429, 'RATE_LIMITED');
        break;
      }
    }
    assert.equal(filed, 20);
  });

  test('an operator lists the live tables and watches one with every hand; audited once; not at their own table', async () => {
    const operator = await staffMember(t, admin, 'operator');
    const list = expectOk(await call(t, 'GET', `/admin/tables?user_id=${players[2].userId}`, { token: operator.session.jwt }), pageOf(AdminTableSummarySchema));
    assert.deepEqual(list.items.map((table) => table.game_id), [gameId]);
    assert.deepEqual(list.items[0].seats.map((seat) => seat.user_id), players.map((player) => player.userId));
    assert.deepEqual([list.items[0].stuck, list.items[0].status, list.items[0].ended_reason, list.items[0].node], [false, 'playing', null, hostname()]);
    const listed = async (query: string) => expectOk(await call(t, 'GET', `/admin/tables?${query}`, { token: operator.session.jwt }), pageOf(AdminTableSummarySchema)).items.map((table) => table.game_id);
    assert.deepEqual(await listed(`node=${encodeURIComponent(hostname())}&min_age_minutes=0`), [gameId]);
    assert.deepEqual(await listed('node=another-server'), []);
    assert.deepEqual(await listed('min_age_minutes=60'), [], 'the table started moments ago');
    expectError(await call(t, 'GET', '/admin/tables?min_age_minutes=-1', { token: operator.session.jwt }), 400, 'BAD_REQUEST');
    expectError(await call(t, 'GET', '/admin/tables?min_age_minutes=soon', { token: operator.session.jwt }), 400, 'BAD_REQUEST');
    assert.equal(expectOk(await call(t, 'GET', '/admin/tables?mode=ranked', { token: operator.session.jwt }), pageOf(AdminTableSummarySchema)).total, 0);
    expectError(await call(t, 'GET', '/admin/tables?mode=poker', { token: operator.session.jwt }), 400, 'BAD_REQUEST');
    expectError(await call(t, 'GET', '/admin/tables?stuck=maybe', { token: operator.session.jwt }), 400, 'BAD_REQUEST');
    expectError(await call(t, 'GET', '/admin/tables/not-a-game', { token: operator.session.jwt }), 400, 'BAD_REQUEST');

    const watched = expectOk(await call(t, 'GET', `/admin/tables/${gameId}`, { token: operator.session.jwt }), AdminTableSchema);
    assert.equal(watched.hands.length, 4);
    assert.deepEqual(watched.hands.map((hand) => hand.length), watched.seats.map((seat) => seat.cards_left));
    assert.ok(watched.hands.every((hand) => hand.length > 0));
    const views = watched.views as { seat: number; hand: string[] }[];
    assert.deepEqual(views.map((view) => view.hand), watched.hands, 'each seat\'s view holds its own hand');
    expectOk(await call(t, 'GET', `/admin/tables/${gameId}`, { token: operator.session.jwt }), AdminTableSchema);
    const audit = expectOk(await call(t, 'GET', `/admin/audit?target_id=${gameId}`, { token: admin.session.jwt }), pageOf(AuditEntrySchema));
    assert.deepEqual(audit.items.map((entry) => [entry.action, entry.actor_id]), [['table.watch', operator.session.user.user_id]]);
    expectError(await call(t, 'GET', `/admin/tables/${randomUUID()}`, { token: operator.session.jwt }), 404, 'NOT_FOUND');

    await call(t, 'PUT', `/admin/users/${players[3].userId}/role`, { token: admin.session.jwt, body: { role: 'operator', reason: 'a seated operator' } });
    expectError(await call(t, 'GET', `/admin/tables/${gameId}`, { token: players[3].session.jwt }), 403, 'FORBIDDEN');
    await call(t, 'PUT', `/admin/users/${players[3].userId}/role`, { token: admin.session.jwt, body: { role: 'player', reason: 'back to playing' } });
  });
});
