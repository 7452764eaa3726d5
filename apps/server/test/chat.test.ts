import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AnyServerMessage, ServerMessage } from '@guandan/protocol';
import { RealtimeClient, type SocketLike } from '@guandan/sdk';
import WebSocket from 'ws';
import { customTable } from './support/games.js';
import { connectedPlayer, type TestPlayer } from './support/players.js';
import { startTestServer, type TestServer } from './support/server.js';
import { connectedPlayers, eventually, MANY_GUESTS, waitFor } from './support/table-play.js';

const chatOf = (player: TestPlayer): ServerMessage<'CHAT_MESSAGE'>[] =>
  player.received.filter((message): message is ServerMessage<'CHAT_MESSAGE'> => message.type === 'CHAT_MESSAGE');

describe('table chat', () => {
  let t: TestServer;
  let players: TestPlayer[];
  before(async () => {
    t = await startTestServer({ env: MANY_GUESTS });
    // Four people at a table who do not play: the turn timers (20 s and more) leave the table still meanwhile.
    players = await connectedPlayers(t, 'ch');
    const started = Promise.all(players.map((player) => waitFor(player, 'GAME_STATE_UPDATE')));
    await customTable(players);
    await started;
  });
  after(async () => t.cleanup());

  /** The next CHAT_MESSAGE every seated person receives from `from` with this text or emoji. */
  const everyoneGets = (from: number, test: (message: ServerMessage<'CHAT_MESSAGE'>) => boolean) =>
    Promise.all(players.map((player) => waitFor(player, 'CHAT_MESSAGE', (m) => m.payload.seat === from && test(m), { from: player.received.length })));

  test('SEND_MESSAGE and SEND_EMOJI reach every seated person, as table events', async () => {
    const seqBefore = players[0].realtime.lastSeq;
    const text = everyoneGets(0, (m) => m.payload.text === 'good luck');
    players[0].realtime.send('SEND_MESSAGE', { text: '  good luck ' }, 'chat-1');
    const texts = await text;
    for (const { message } of texts) {
      assert.deepEqual(message.payload, { roomId: players[0].realtime.roomId, seat: 0, username: players[0].session.user.username, text: 'good luck' });
      assert.equal(message.seq, seqBefore + 1, 'a chat line is a table event');
      assert.equal(message.messageId, texts[0].message.messageId, 'one message, sent to each');
    }
    const emoji = everyoneGets(2, (m) => m.payload.emoji === '🎉');
    players[2].realtime.send('SEND_EMOJI', { emoji: '🎉' });
    for (const { message } of await emoji) {
      assert.equal(message.payload.text, undefined);
      assert.equal(message.seq, seqBefore + 2);
    }
  });

  test('a message id sent again is not broadcast again', async () => {
    const first = everyoneGets(1, (m) => m.payload.text === 'once');
    players[1].realtime.send('SEND_MESSAGE', { text: 'once' }, 'chat-once');
    await first;
    players[1].realtime.send('SEND_MESSAGE', { text: 'once' }, 'chat-once');
    players[1].realtime.send('SEND_MESSAGE', { text: 'once more?' }, 'chat-once');
    const marker = everyoneGets(1, (m) => m.payload.text === 'marker');
    players[1].realtime.send('SEND_MESSAGE', { text: 'marker' }, 'chat-marker');
    await marker;
    for (const player of players) {
      assert.deepEqual(
        chatOf(player).filter((m) => m.payload.seat === 1).map((m) => m.payload.text),
        ['once', 'marker'],
        'the repeated id changed nothing',
      );
    }
  });

  test('a reconnecting client gets the chat it missed', async () => {
    const [, , , late] = players;
    const line = chatOf(late).find((m) => m.payload.text === 'good luck') as ServerMessage<'CHAT_MESSAGE'>;
    // The same person on a new connection (a reloaded page) that last saw the seq before the line.
    const reloaded = new RealtimeClient({ url: t.wsUrl, token: () => late.rest.accessToken, socket: (url) => new WebSocket(url) as unknown as SocketLike, reconnect: false });
    await reloaded.connect();
    const again = reloaded.next('CHAT_MESSAGE', (m) => m.messageId === line.messageId);
    reloaded.send('RESUME', { roomId: late.realtime.roomId as string, lastSeq: line.seq - 1 });
    assert.deepEqual((await again).payload, line.payload);
    reloaded.close();
  });

  test('emoji outside the set, text over 200 characters and blank text are BAD_MESSAGE', async () => {
    const [player] = players;
    const refusal = (id: string) => waitFor(player, 'ERROR', (m) => m.payload.inReplyTo === id, { from: player.received.length });
    const cases: [string, () => void][] = [
      ['bad-emoji', () => player.realtime.sendRaw(JSON.stringify({ type: 'SEND_EMOJI', payload: { emoji: '🐍' }, timestamp: Date.now(), id: 'bad-emoji' }))],
      ['long-text', () => player.realtime.send('SEND_MESSAGE', { text: 'x'.repeat(201) }, 'long-text')],
      ['blank-text', () => player.realtime.send('SEND_MESSAGE', { text: '   ' }, 'blank-text')],
      ['no-text', () => player.realtime.sendRaw(JSON.stringify({ type: 'SEND_MESSAGE', payload: {}, timestamp: Date.now(), id: 'no-text' }))],
    ];
    for (const [id, send] of cases) {
      const answer = refusal(id);
      send();
      assert.equal((await answer).message.payload.code, 'BAD_MESSAGE', id);
    }
    const longest = everyoneGets(0, (m) => m.payload.text?.length === 200);
    player.realtime.send('SEND_MESSAGE', { text: 'y'.repeat(200) }, 'just-fits');
    await longest;
    for (const other of players) {
      const refused = chatOf(other).filter((m) => m.payload.emoji === '🐍' || (m.payload.text ?? '').length > 200 || m.payload.text?.trim() === '');
      assert.deepEqual(refused, [], 'nothing refused was broadcast');
    }
  });

  test('chat outside a game is NOT_IN_GAME', async () => {
    const outsider = await connectedPlayer(t, 'out');
    const answer = waitFor(outsider, 'ERROR', (m) => m.payload.inReplyTo === 'outside');
    outsider.realtime.send('SEND_EMOJI', { emoji: '👍' }, 'outside');
    assert.equal((await answer).message.payload.code, 'NOT_IN_GAME');
    for (const player of players) assert.equal(chatOf(player).filter((m) => m.payload.username === outsider.session.user.username).length, 0);
  });
});

describe('realtime rate limit', () => {
  const BURST = 5;
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ env: { ...MANY_GUESTS, REALTIME_BURST: String(BURST), REALTIME_MESSAGES_PER_SECOND: '10' } });
  });
  after(async () => t.cleanup());

  test('a burst beyond the limit is refused with RATE_LIMITED, and the connection works on after a pause', async () => {
    const player = await connectedPlayer(t, 'rl');
    const sent = 15;
    for (let index = 0; index < sent; index++) player.realtime.send('PING', {}, `ping-${index}`);
    const answered = () => player.received.filter((m) => m.type === 'PONG' || m.type === 'ERROR').length;
    await eventually('every PING answered', async () => answered(), (count) => count >= sent);
    const pongs = player.received.filter((m) => m.type === 'PONG').length;
    const errors = player.received.filter((m): m is ServerMessage<'ERROR'> => m.type === 'ERROR');
    assert.ok(pongs >= BURST && pongs < sent, `the burst was answered, then the limit held (${pongs} PONGs)`);
    assert.equal(pongs + errors.length, sent, 'every message was answered');
    assert.ok(errors.every((m) => m.payload.code === 'RATE_LIMITED'));
    assert.ok(player.realtime.connected);

    // A pause of one token's time (10 a second): the bucket has room again.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const pong = waitFor(player, 'PONG', () => true, { from: player.received.length });
    player.realtime.send('PING', {});
    await pong;
  });

  test('a flood far beyond the limit closes the socket (policy violation); a new connection works', async () => {
    const player = await connectedPlayer(t, 'fl');
    player.realtime.close();
    const socket = new WebSocket(`${t.wsUrl}?token=${encodeURIComponent(player.rest.accessToken as string)}`);
    const received: AnyServerMessage[] = [];
    socket.on('message', (data) => received.push(JSON.parse(String(data)) as AnyServerMessage));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    for (let index = 0; index < 100; index++) socket.send(JSON.stringify({ type: 'PING', payload: {}, timestamp: Date.now(), id: `flood-${index}` }));
    assert.equal(await closed, 1008);
    const limited = received.filter((m) => m.type === 'ERROR' && m.payload.code === 'RATE_LIMITED').length;
    assert.ok(limited > 0 && limited < 100 - BURST, `refused with RATE_LIMITED before the close (${limited})`);

    // The limit is the account's, not the socket's: the new connection waits for the bucket to refill too.
    await player.realtime.connect();
    await new Promise((resolve) => setTimeout(resolve, (BURST / 10) * 1000 + 100));
    const pong = waitFor(player, 'PONG', () => true, { from: player.received.length });
    player.realtime.send('PING', {});
    await pong;
  });
});
