import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GameRoomSchema } from '@guandan/protocol';
import { z } from 'zod';
import { call, expectOk } from '../support/accounts.js';
import { connectedPlayer } from '../support/players.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/table-play.js';

describe('invite codes are for the people in the room', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(async () => t.cleanup());

  test('an outsider sees neither the code of a room it looks up nor of the rooms listed; members do', async () => {
    const host = await connectedPlayer(t, 'host');
    const outsider = await connectedPlayer(t, 'out');
    const created = expectOk(await call(t, 'POST', '/game/rooms', { token: host.session.jwt, body: { game_mode: 'custom', room_config: {} } }), GameRoomSchema, 201);
    assert.match(created.invite_code ?? '', /^[A-Z0-9]{6}$/, 'the creator gets the code to pass on');

    const lookedUp = expectOk(await call(t, 'GET', `/game/rooms/${created.room_id}`, { token: outsider.session.jwt }), GameRoomSchema);
    assert.equal(lookedUp.invite_code, null);
    const listed = expectOk(await call(t, 'GET', '/game/rooms?limit=100', { token: outsider.session.jwt }), z.array(GameRoomSchema));
    assert.ok(listed.some((room) => room.room_id === created.room_id), 'the open room is listed');
    for (const room of listed) assert.equal(room.invite_code, null, `listed room ${room.room_id} shows no code`);

    assert.equal(expectOk(await call(t, 'GET', `/game/rooms/${created.room_id}`, { token: host.session.jwt }), GameRoomSchema).invite_code, created.invite_code);

    // A friend who was given the code joins with it and then sees it too; the outsider's view is unchanged.
    const friend = await connectedPlayer(t, 'friend');
    const joined = expectOk(await call(t, 'POST', '/game/rooms/join', { token: friend.session.jwt, body: { invite_code: created.invite_code } }), GameRoomSchema);
    assert.equal(joined.invite_code, created.invite_code);
    assert.equal(expectOk(await call(t, 'GET', `/game/rooms/${created.room_id}`, { token: outsider.session.jwt }), GameRoomSchema).invite_code, null);
  });

  test('a member who leaves is told so without the code', async () => {
    const host = await connectedPlayer(t, 'host2');
    const guest = await connectedPlayer(t, 'guest2');
    const created = expectOk(await call(t, 'POST', '/game/rooms', { token: host.session.jwt, body: { game_mode: 'custom', room_config: {} } }), GameRoomSchema, 201);
    expectOk(await call(t, 'POST', `/game/rooms/${created.room_id}/join`, { token: guest.session.jwt }), GameRoomSchema);
    const left = waitFor(guest, 'PLAYER_LEFT', (m) => m.payload.userId === guest.userId);
    assert.equal((await call(t, 'POST', `/game/rooms/${created.room_id}/leave`, { token: guest.session.jwt })).status, 204);
    const { message } = await left;
    assert.equal(message.payload.room?.invite_code ?? null, null);
  });
});
