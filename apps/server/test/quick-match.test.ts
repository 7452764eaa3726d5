import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { playByHint } from '../tools/load/bot-client.js';
import { connectedPlayer } from './support/players.js';
import { startTestServer, type TestServer } from './support/server.js';

describe('quick match against bots', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(async () => t.cleanup());

  test('a person is seated, bots fill the table after the wait, and the deal is played to the end', async () => {
    const player = await connectedPlayer(t, 'solo');
    const room = await player.rest.createRoom('quick_match');
    assert.equal(room.status, 'waiting');
    assert.equal(room.players.filter((p) => p.user_id === player.userId).length, 1);
    const stop = playByHint(player.realtime);
    const ended = await player.realtime.next('GAME_ENDED', () => true, 30_000);
    stop();
    assert.equal(ended.payload.roomId, room.room_id);
    assert.ok(ended.payload.winningTeam === 0 || ended.payload.winningTeam === 1);
    assert.equal(ended.payload.order.length, 1, 'quick match plays one deal');

    const finished = await player.rest.room(room.room_id);
    assert.equal(finished.status, 'finished');
    assert.equal(finished.players.filter((p) => p.is_bot).length, 3);

    const actions = player.received.filter((m) => m.type === 'PLAYER_ACTION');
    assert.ok(actions.length > 20);
    for (let i = 1; i < actions.length; i++) assert.equal(actions[i].seq, actions[i - 1].seq + 1, 'one action per seq, none missing');
    const mine = actions.filter((m) => m.type === 'PLAYER_ACTION' && m.payload.inReplyTo !== undefined);
    assert.ok(mine.length > 0, 'the person acted and was answered');
  });
});
