import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AnyServerMessage, ServerMessage } from '@guandan/protocol';
import { RealtimeClient, RestClient, type SocketLike } from '@guandan/sdk';
import WebSocket from 'ws';
import { skipWithoutCluster, startCluster, type TestCluster } from '../support/cluster.js';
import { customTable } from '../support/games.js';
import type { TestPlayer } from '../support/players.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { connectedPlayers, eventually, MANY_GUESTS, waitFor } from '../support/table-play.js';

/** A raw socket of one account, with every message it received and how it closed. */
interface RawSocket {
  socket: WebSocket;
  received: AnyServerMessage[];
  closed: Promise<{ code: number; reason: string }>;
}

async function openSocket(wsUrl: string, token: string): Promise<RawSocket> {
  const socket = new WebSocket(`${wsUrl}?token=${encodeURIComponent(token)}`);
  const received: AnyServerMessage[] = [];
  socket.on('message', (data: Buffer) => received.push(JSON.parse(data.toString()) as AnyServerMessage));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { socket, received, closed };
}

const ping = (raw: RawSocket, id: string): void => raw.socket.send(JSON.stringify({ type: 'PING', payload: {}, timestamp: Date.now(), id }));
const count = (raws: RawSocket[], type: AnyServerMessage['type']): number => raws.reduce((sum, raw) => sum + raw.received.filter((m) => m.type === type).length, 0);

/** Sends one PING and waits for its PONG: the socket is open and served. */
async function served(raw: RawSocket, id: string): Promise<void> {
  ping(raw, id);
  await eventually(`PONG on ${id}`, async () => raw.received.some((m) => m.type === 'PONG'), Boolean);
}

async function guestToken(url: string, name: string): Promise<{ token: string; rest: RestClient }> {
  const rest = new RestClient({ baseUrl: url });
  await rest.guest(`${name}-${process.pid % 1000}`);
  return { token: rest.accessToken as string, rest };
}

describe('one account, many sockets (one process)', () => {
  const CAP = 3;
  const BURST = 10;
  let t: TestServer;
  before(async () => {
    // A slow refill (one a second), so the messages counted below are the burst and hardly anything more.
    t = await startTestServer({ env: { ...MANY_GUESTS, REALTIME_SOCKETS_PER_USER: String(CAP), REALTIME_BURST: String(BURST), REALTIME_MESSAGES_PER_SECOND: '1' } });
  });
  after(async () => t.cleanup());

  test('a socket beyond the cap closes the oldest with 4009 "too many connections"; the others stay served', async () => {
    const { token } = await guestToken(t.url, 'cap');
    const sockets: RawSocket[] = [];
    for (let index = 0; index < CAP; index++) sockets.push(await openSocket(t.wsUrl, token));
    const newest = await openSocket(t.wsUrl, token);
    assert.deepEqual(await sockets[0].closed, { code: 4009, reason: 'too many connections' });
    const next = await openSocket(t.wsUrl, token);
    assert.deepEqual(await sockets[1].closed, { code: 4009, reason: 'too many connections' });
    for (const [index, raw] of [sockets[2], newest, next].entries()) await served(raw, `still-${index}`);
    for (const raw of [sockets[2], newest, next]) raw.socket.close();
  });

  test('the SDK client that the cap closed does not reconnect by itself, so two tabs do not keep closing each other', async () => {
    const { token } = await guestToken(t.url, 'tabs');
    const replaced: number[] = [];
    const clients = Array.from({ length: CAP + 1 }, (_, index) => new RealtimeClient({
      url: t.wsUrl,
      token: () => token,
      socket: (url) => new WebSocket(url) as unknown as SocketLike,
      reconnect: { minDelayMs: 20, maxDelayMs: 40 },
      onReplaced: () => replaced.push(index),
    }));
    for (const client of clients.slice(0, CAP)) await client.connect();
    await clients[CAP].connect();
    await eventually('the oldest told it was replaced', async () => replaced, (list) => list.length > 0);
    // Long enough for several reconnect attempts, had the client made any.
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.deepEqual(replaced, [0]);
    assert.equal(clients[0].connected, false);
    assert.ok(clients.slice(1).every((client) => client.connected), 'the others keep their sockets');
    await clients[0].connect();
    await eventually('the next oldest replaced in turn', async () => replaced, (list) => list.length > 1);
    assert.deepEqual(replaced, [0, 1]);
    for (const client of clients) client.close();
  });

  test('an account reopening what the cap closes is refused with 429 after a burst of twice the cap', async () => {
    const { token } = await guestToken(t.url, 'reopen');
    const sockets: RawSocket[] = [];
    for (let index = 0; index < 2 * CAP; index++) sockets.push(await openSocket(t.wsUrl, token));
    const refused = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(`${t.wsUrl}?token=${encodeURIComponent(token)}`);
      socket.once('open', () => reject(new Error('opened beyond the allowance')));
      socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    });
    assert.equal(refused, 429);
    for (const raw of sockets) raw.socket.close();
  });

  test('many sockets of one account together get one allowance, not one each', async () => {
    const { token } = await guestToken(t.url, 'share');
    const sockets: RawSocket[] = [];
    for (let index = 0; index < CAP; index++) sockets.push(await openSocket(t.wsUrl, token));
    const perSocket = BURST;
    for (const [index, raw] of sockets.entries()) for (let n = 0; n < perSocket; n++) ping(raw, `s${index}-${n}`);
    const sent = perSocket * CAP;
    await eventually('every PING answered', async () => count(sockets, 'PONG') + count(sockets, 'ERROR'), (answered) => answered >= sent);
    const pongs = count(sockets, 'PONG');
    // The burst, and at most a token or two refilled while the messages were read: never a burst per socket.
    assert.ok(pongs >= BURST && pongs <= BURST + 2, `${pongs} of ${sent} answered for one account with a burst of ${BURST}`);
    const refused = sockets.flatMap((raw) => raw.received).filter((m): m is ServerMessage<'ERROR'> => m.type === 'ERROR');
    assert.ok(refused.every((m) => m.payload.code === 'RATE_LIMITED'));
    for (const raw of sockets) raw.socket.close();
  });

  test('closing every socket and opening new ones does not refill the allowance', async () => {
    const { token } = await guestToken(t.url, 'cycle');
    const first = await openSocket(t.wsUrl, token);
    for (let n = 0; n < BURST; n++) ping(first, `a-${n}`);
    await eventually('the burst used', async () => count([first], 'PONG'), (pongs) => pongs >= BURST);
    first.socket.close();
    await first.closed;
    const second = await openSocket(t.wsUrl, token);
    for (let n = 0; n < BURST; n++) ping(second, `b-${n}`);
    await eventually('every PING answered', async () => count([second], 'PONG') + count([second], 'ERROR'), (answered) => answered >= BURST);
    assert.ok(count([second], 'PONG') <= 2, `a new socket of the same account starts with the account's bucket (${count([second], 'PONG')} answered)`);
    second.socket.close();
  });
});

describe('chat limits per person and per table', () => {
  let t: TestServer;
  let players: TestPlayer[];
  before(async () => {
    t = await startTestServer({
      env: { ...MANY_GUESTS, CHAT_USER_BURST: '3', CHAT_USER_PER_SECOND: '0.01', CHAT_TABLE_BURST: '5', CHAT_TABLE_PER_SECOND: '0.01' },
    });
    players = await connectedPlayers(t, 'cl');
    const started = Promise.all(players.map((player) => waitFor(player, 'GAME_STATE_UPDATE')));
    await customTable(players);
    await started;
  });
  after(async () => t.cleanup());

  test('a person gets a few lines, the table a few more; the rest is CHAT_RATE_LIMITED and never written or sent', async () => {
    const [first, second, , listener] = players;
    const seqBefore = listener.realtime.lastSeq;
    const answers = (player: TestPlayer, ids: string[]) =>
      Promise.all(ids.map((id) => waitFor(player, 'ERROR', (m) => m.payload.inReplyTo === id, { from: player.received.length }).catch(() => null)));
    const firstIds = Array.from({ length: 6 }, (_, index) => `first-${index}`);
    const firstRefusals = answers(first, firstIds.slice(3));
    for (const id of firstIds) first.realtime.send('SEND_MESSAGE', { text: id }, id);
    for (const refusal of await firstRefusals) assert.equal(refusal?.message.payload.code, 'CHAT_RATE_LIMITED');

    const secondIds = ['second-0', 'second-1', 'second-2'];
    const secondRefusal = answers(second, ['second-2']);
    for (const id of secondIds) second.realtime.send('SEND_EMOJI', { emoji: '👍' }, id);
    const [tableFull] = await secondRefusal;
    assert.equal(tableFull?.message.payload.code, 'CHAT_RATE_LIMITED');
    assert.match(tableFull?.message.payload.message ?? '', /table/);

    await eventually('the accepted lines arrive', async () => listener.received.filter((m) => m.type === 'CHAT_MESSAGE').length, (lines) => lines >= 5);
    const lines = listener.received.filter((m): m is ServerMessage<'CHAT_MESSAGE'> => m.type === 'CHAT_MESSAGE');
    assert.deepEqual(
      lines.map((m) => m.payload.text ?? m.payload.emoji),
      ['first-0', 'first-1', 'first-2', '👍', '👍'],
    );
    assert.deepEqual(
      lines.map((m) => m.seq),
      [1, 2, 3, 4, 5].map((step) => seqBefore + step),
      'each accepted line is one table event, without gaps',
    );
    const written = await t.server.platform.db
      .selectFrom('table_events')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('kind', '=', 'CHAT_MESSAGE')
      .executeTakeFirstOrThrow();
    assert.equal(Number(written.count), 5, 'refused lines cost no database write');
  });
});

describe('one account on two nodes of a cluster', { skip: await skipWithoutCluster() }, () => {
  let cluster: TestCluster;
  before(async () => {
    cluster = await startCluster(2, { CHAIN: 'off', AUTH_RATE_LIMIT_PER_MINUTE: '1000', REALTIME_SOCKETS_PER_USER: '2', REALTIME_BURST: '10', REALTIME_MESSAGES_PER_SECOND: '1' });
  });
  after(async () => cluster?.cleanup());

  test('the socket cap counts sockets on every node, and the oldest is closed on whichever node holds it', async () => {
    const [a, b] = cluster.nodes;
    const { token } = await guestToken(a.url, 'cl-cap');
    const onA = await openSocket(a.wsUrl, token);
    await served(onA, 'a0');
    const onB = await openSocket(b.wsUrl, token);
    await served(onB, 'b0');
    const third = await openSocket(a.wsUrl, token);
    assert.deepEqual(await onA.closed, { code: 4009, reason: 'too many connections' });
    const fourth = await openSocket(a.wsUrl, token);
    assert.deepEqual(await onB.closed, { code: 4009, reason: 'too many connections' }, 'a socket on the other node is closed');
    await served(third, 'a1');
    await served(fourth, 'a2');

    // The two live sockets, now on one node, and one more on the other node after the cap made room: one bucket.
    fourth.socket.close();
    await fourth.closed;
    const onBAgain = await openSocket(b.wsUrl, token);
    const sockets = [third, onBAgain];
    const pongsBefore = count(sockets, 'PONG');
    const answersBefore = pongsBefore + count(sockets, 'ERROR');
    for (const [index, raw] of sockets.entries()) for (let n = 0; n < 10; n++) ping(raw, `burst-${index}-${n}`);
    await eventually('every PING answered', async () => count(sockets, 'PONG') + count(sockets, 'ERROR'), (answered) => answered >= answersBefore + 20);
    const pongs = count(sockets, 'PONG') - pongsBefore;
    assert.ok(pongs <= 10 + 2, `two nodes share the account's bucket of 10: ${pongs} of 20 answered`);
    for (const raw of sockets) raw.socket.close();
  });
});
