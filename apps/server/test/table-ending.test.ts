import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { AdminTableEndedSchema, AdminTableSchema, AuditEntrySchema, GameRecordSchema, GameRoomSchema, pageOf } from '@guandan/protocol';
import { call, expectError, expectOk } from './support/accounts.js';
import type { TestPlayer } from './support/players.js';
import { startTestServer, type TestServer } from './support/server.js';
import { firstAdmin, type Staff, staffMember } from './support/staff.js';
import { connectedPlayers, eventually, MANY_GUESTS, resumeByHint, waitFor } from './support/table-play.js';

const BASE_BET = 50;

describe('an operator ends a stuck table', () => {
  let t: TestServer;
  let players: TestPlayer[];
  let admin: Staff;
  let operator: Staff;
  let roomId: string;
  let gameId: string;
  before(async () => {
    t = await startTestServer({ env: MANY_GUESTS });
    admin = await firstAdmin(t);
    operator = await staffMember(t, admin, 'operator');
    players = await connectedPlayers(t, 'end');
    const [host, ...guests] = players;
    const room = await host.rest.createRoom('custom', { match_length: 5, base_bet: BASE_BET });
    roomId = room.room_id;
    for (const guest of guests) await guest.rest.joinByCode(room.invite_code as string);
    const started = Promise.all(players.map((player) => waitFor(player, 'GAME_STATE_UPDATE')));
    for (const player of players) await player.rest.ready(roomId, true);
    await started;
    gameId = expectOk(await call(t, 'GET', `/game/rooms/${roomId}`, { token: host.session.jwt }), GameRoomSchema).game_id as string;

    // Everyone plays the first deal by the hint, then stops: the second deal waits for a person who does nothing.
    const stops = players.map((player) => resumeByHint(player));
    await waitFor(players[0], 'GAME_STATE_UPDATE', (message) => message.payload.view.dealNumber === 2, { timeoutMs: 60_000 });
    for (const stop of stops) stop();
  });
  after(async () => t.cleanup());

  const end = (token: string | undefined, id: string, body: unknown = { reason: 'stuck after a server fault' }) =>
    call(t, 'POST', `/admin/tables/${id}/end`, { token, body });
  const ledgerOf = (userId: string) =>
    t.server.platform.db.selectFrom('coin_ledger').select(['amount', 'idempotency_key']).where('user_id', '=', userId).where('idempotency_key', 'like', `deal:${gameId}:%`).execute();

  test('only operators end a table, with a reason, never one they sit at; refused requests change nothing', async () => {
    const moderator = await staffMember(t, admin, 'moderator');
    expectError(await end(undefined, gameId), 401, 'UNAUTHORIZED');
    expectError(await end(players[0].session.jwt, gameId), 403, 'FORBIDDEN');
    expectError(await end(moderator.session.jwt, gameId), 403, 'FORBIDDEN');
    expectError(await end(operator.session.jwt, 'not-a-game'), 400, 'BAD_REQUEST');
    expectError(await end(operator.session.jwt, gameId, {}), 400, 'BAD_REQUEST');
    expectError(await end(operator.session.jwt, gameId, { reason: 'x' }), 400, 'BAD_REQUEST');
    expectError(await end(operator.session.jwt, gameId, { reason: 'stuck', extra: 1 }), 400, 'BAD_REQUEST');
    expectError(await end(operator.session.jwt, randomUUID()), 404, 'NOT_FOUND');

    await call(t, 'PUT', `/admin/users/${players[3].userId}/role`, { token: admin.session.jwt, body: { role: 'operator', reason: 'a seated operator' } });
    expectError(await end(players[3].session.jwt, gameId), 403, 'FORBIDDEN');
    await call(t, 'PUT', `/admin/users/${players[3].userId}/role`, { token: admin.session.jwt, body: { role: 'player', reason: 'back to playing' } });

    const status = await t.server.platform.db.selectFrom('game_tables').select('status').where('id', '=', gameId).executeTakeFirstOrThrow();
    assert.equal(status.status, 'playing');
  });

  test('the completed deals count, the deal in play is void, everyone is told why, and it is audited', async () => {
    const told = Promise.all(players.map((player) => waitFor(player, 'GAME_ENDED', () => true, { timeoutMs: 15_000 })));
    const ended = expectOk(await end(operator.session.jwt, gameId), AdminTableEndedSchema);
    assert.equal(ended.game_id, gameId);
    assert.equal(ended.reason, 'stuck after a server fault');
    assert.ok(ended.deals_completed >= 1, `at least the first deal was completed (${ended.deals_completed})`);

    for (const { message } of await told) {
      assert.equal(message.payload.gameId, gameId);
      assert.equal(message.payload.winningTeam, null);
      assert.deepEqual(message.payload.endedEarly, { reason: 'stuck after a server fault' });
      assert.equal(message.payload.order.length, ended.deals_completed);
    }

    const record = expectOk(await call(t, 'GET', `/game/records/${gameId}`, { token: players[0].session.jwt }), GameRecordSchema);
    assert.deepEqual(record.ended_early, { reason: 'stuck after a server fault' });
    assert.equal(record.winning_team, null);
    assert.equal(record.deals.length, ended.deals_completed);

    // Coins: each completed deal moved base_bet × rise between the teams; nothing for the deal that was in play.
    const entries = await eventually('the coins settled', () => Promise.all(players.map((player) => ledgerOf(player.userId))), (lists) => lists.every((list) => list.length === record.deals.length));
    for (const [seat, list] of entries.entries()) {
      const expected = record.deals.map((deal) => ({ amount: (deal.winning_team === seat % 2 ? 1 : -1) * BASE_BET * deal.rise, idempotency_key: `deal:${gameId}:${deal.number}:${players[seat].userId}` }));
      assert.deepEqual([...list].sort((a, b) => a.idempotency_key.localeCompare(b.idempotency_key)), expected);
    }

    const audit = await eventually(
      'the ending audited',
      async () => expectOk(await call(t, 'GET', `/admin/audit?target_id=${gameId}&action=table.end`, { token: admin.session.jwt }), pageOf(AuditEntrySchema)),
      (page) => page.total > 0,
    );
    assert.deepEqual(
      audit.items.map((entry) => [entry.action, entry.actor_id, entry.actor_name, entry.reason]),
      [['table.end', operator.session.user.user_id, operator.session.user.username, 'stuck after a server fault']],
    );
    assert.deepEqual(audit.items[0].after, { status: 'ended', deals_completed: ended.deals_completed, levels: record.deals.at(-1)?.levels });

    const watched = expectOk(await call(t, 'GET', `/admin/tables/${gameId}`, { token: operator.session.jwt }), AdminTableSchema);
    assert.deepEqual([watched.status, watched.ended_reason, watched.stuck, watched.deadline], ['ended', 'stuck after a server fault', false, null]);
    const playing = expectOk(await call(t, 'GET', '/admin/tables', { token: operator.session.jwt }), pageOf(AdminTableSchema.pick({ game_id: true })));
    assert.ok(!playing.items.some((table) => table.game_id === gameId), 'no longer listed as playing');

    const room = expectOk(await call(t, 'GET', `/game/rooms/${roomId}`, { token: players[0].session.jwt }), GameRoomSchema);
    assert.notEqual(room.status, 'playing', 'the room is free again');
  });

  test('an ended table takes no more moves and cannot be ended twice', async () => {
    const refused = waitFor(players[1], 'ERROR', (message) => message.payload.code === 'NOT_IN_GAME');
    players[1].realtime.send('PASS', {});
    await refused;
    expectError(await end(operator.session.jwt, gameId), 409, 'CONFLICT');
    const audit = expectOk(await call(t, 'GET', `/admin/audit?target_id=${gameId}&action=table.end`, { token: admin.session.jwt }), pageOf(AuditEntrySchema));
    assert.equal(audit.total, 1);
  });
});
