import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { autoPlay } from '@guandan/bots';
import { RealtimeClient, type SocketLike } from '@guandan/sdk';
import WebSocket from 'ws';
import { playByHint, sendAction } from '../tools/load/bot-client.js';
import { customTable } from './support/games.js';
import { connectedPlayer } from './support/players.js';
import { startTestServer, type TestServer } from './support/server.js';

describe('realtime protocol', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ env: { DISCONNECT_GRACE_MS: '60000' } });
  });
  after(async () => t.cleanup());

  test('malformed, unknown and invalid messages get BAD_MESSAGE and the connection goes on', async () => {
    const player = await connectedPlayer(t, 'bad');
    const errors: string[] = [];
    player.realtime.on('ERROR', (m) => errors.push(`${m.payload.code}:${m.payload.inReplyTo}`));
    player.realtime.sendRaw('not json');
    player.realtime.sendRaw(JSON.stringify({ type: 'DANCE', payload: {}, timestamp: 1, id: 'x1' }));
    player.realtime.sendRaw(JSON.stringify({ type: 'PLAY_CARDS', payload: { cards: ['ZZ'] }, timestamp: 1, id: 'x2' }));
    player.realtime.sendRaw(JSON.stringify({ type: 'PASS', payload: { extra: 1 }, timestamp: 1, id: 'x3' }));
    player.realtime.send('PING', {});
    await player.realtime.next('PONG');
    assert.deepEqual(errors, ['BAD_MESSAGE:null', 'BAD_MESSAGE:x1', 'BAD_MESSAGE:x2', 'BAD_MESSAGE:x3']);
    player.realtime.send('PASS', {}, 'x4');
    const notPlaying = await player.realtime.next('ERROR', (m) => m.payload.inReplyTo === 'x4');
    assert.equal(notPlaying.payload.code, 'NOT_IN_GAME');
    player.realtime.close();
  });

  test('out of turn, illegal and replayed actions: refused or answered again, never applied twice', async () => {
    const players = await Promise.all([0, 1, 2, 3].map((i) => connectedPlayer(t, `rt${i}`)));
    const views = Promise.all(players.map((p) => p.realtime.next('GAME_STATE_UPDATE')));
    await customTable(players);
    const states = await views;
    const actorIndex = states.findIndex((m) => m.payload.view.actors.includes(m.payload.view.seat));
    const actor = players[actorIndex];
    const idle = players[(actorIndex + 1) % 4];
    const first = { m: states[actorIndex] };
    const seqBefore = first.m.seq;

    idle.realtime.send('PASS', {}, 'early');
    const early = await idle.realtime.next('ERROR', (m) => m.payload.inReplyTo === 'early');
    assert.ok(['NOT_YOUR_TURN', 'LEADER_CANNOT_PASS', 'WRONG_PHASE'].includes(early.payload.code));

    const view = first.m.payload.view;
    actor.realtime.send('PLAY_CARDS', { cards: ['SB', 'HR', 'S2'] }, 'junk');
    const illegal = await actor.realtime.next('ERROR', (m) => m.payload.inReplyTo === 'junk');
    assert.ok(['CARDS_NOT_IN_HAND', 'NOT_A_PLAY'].includes(illegal.payload.code), illegal.payload.code);

    const action = autoPlay(view);
    sendAction(actor.realtime, action, 'once');
    const applied = await actor.realtime.next('PLAYER_ACTION', (m) => m.payload.inReplyTo === 'once');
    assert.equal(applied.seq, seqBefore + 1);
    // The same message again, from a second connection of the same person (the first one drops the repeated
    // answer as already seen): answered as before, not applied.
    const retrying = new RealtimeClient({
      url: t.wsUrl,
      token: () => actor.rest.accessToken,
      socket: (url) => new WebSocket(url) as unknown as SocketLike,
      reconnect: false,
    });
    await retrying.connect();
    const answeredAgain = retrying.next('PLAYER_ACTION', (m) => m.payload.inReplyTo === 'once');
    const stateAfter = retrying.next('GAME_STATE_UPDATE');
    sendAction(retrying, action, 'once');
    const again = await answeredAgain;
    assert.equal(again.messageId, applied.messageId, 'the same answer, not a new action');
    assert.equal(again.seq, applied.seq);
    assert.equal((await stateAfter).seq, applied.seq, 'nothing else was applied');
    retrying.close();
    for (const player of players) player.realtime.close();
  });
});

describe('reconnection', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ env: { DISCONNECT_GRACE_MS: '100' } });
  });
  after(async () => t.cleanup());

  test('a client that drops mid-deal resumes with what it missed and plays on to the end', async () => {
    const players = await Promise.all([0, 1, 2, 3].map((i) => connectedPlayer(t, `drop${i}`)));
    const stops = players.map((p) => playByHint(p.realtime));
    await customTable(players);
    const [dropper] = players;
    await dropper.realtime.next('PLAYER_ACTION', (m) => m.seq >= 6, 20_000);
    stops[0]();
    dropper.realtime.close();
    const seqAtDrop = dropper.realtime.lastSeq;
    const missedBy = await players[1].realtime.next('PLAYER_ACTION', (m) => m.seq >= seqAtDrop + 3, 20_000).catch(() => null);
    const restarted = playByHint(dropper.realtime);
    const resumed = dropper.realtime.next('GAME_STATE_UPDATE', (m) => m.seq >= (missedBy?.seq ?? seqAtDrop), 20_000);
    await dropper.realtime.connect();
    dropper.realtime.send('RESUME', { roomId: dropper.realtime.roomId as string, lastSeq: seqAtDrop });
    await resumed;
    const ends = await Promise.all(players.map((p) => p.realtime.next('GAME_ENDED', () => true, 60_000)));
    restarted();
    stops.forEach((stop) => stop());
    assert.equal(new Set(ends.map((m) => m.payload.gameId)).size, 1);
    const actions = dropper.received.filter((m) => m.type === 'PLAYER_ACTION').map((m) => m.seq);
    const distinct = [...new Set(actions)].sort((a, b) => a - b);
    for (let i = 1; i < distinct.length; i++) assert.equal(distinct[i], distinct[i - 1] + 1, `no gap in what the dropped client saw (at ${distinct[i]})`);
    for (const player of players) player.realtime.close();
  });
});
