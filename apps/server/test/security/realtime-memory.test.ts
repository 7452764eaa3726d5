import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { AnyServerMessage } from '@guandan/protocol';
import { RestClient } from '@guandan/sdk';
import WebSocket from 'ws';
import { ReplyCache } from '../../src/realtime/reply-cache.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { eventually, MANY_GUESTS } from '../support/table-play.js';

const USERS = 40;
const REFUSED_PER_USER = 60;

/** Replies the server remembers for retried messages, over every user (its metric). */
async function repliesRemembered(t: TestServer): Promise<number> {
  const { values } = await t.server.platform.metrics.replyEntries.get();
  return values[0]?.value ?? 0;
}

/** Signs a guest in, sends RESUMEs for rooms that do not exist (each refused, each reply remembered), and leaves. */
async function misbehaveAndLeave(t: TestServer, index: number): Promise<void> {
  const rest = new RestClient({ baseUrl: t.url });
  await rest.guest(`soak-${process.pid % 1000}-${index}`);
  const socket = new WebSocket(`${t.wsUrl}?token=${encodeURIComponent(rest.accessToken as string)}`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let refused = 0;
  const allRefused = new Promise<void>((resolve) =>
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as AnyServerMessage).type === 'ERROR' && ++refused === REFUSED_PER_USER) resolve();
    }),
  );
  for (let n = 0; n < REFUSED_PER_USER; n++) {
    socket.send(JSON.stringify({ type: 'RESUME', payload: { roomId: randomUUID(), lastSeq: 0 }, timestamp: Date.now(), id: `resume-${n}` }));
  }
  await allRefused;
  socket.close();
  await new Promise((resolve) => socket.once('close', resolve));
}

describe('memory kept for users who misbehaved and left', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ env: { ...MANY_GUESTS, REALTIME_BURST: '1000', REALTIME_REPLY_GRACE_MS: '100' } });
  });
  after(async () => t.cleanup());

  test('the replies of users whose last socket closed are forgotten after the grace period', async () => {
    const baseline = await repliesRemembered(t);
    let peak = 0;
    for (let round = 0; round < USERS / 10; round++) {
      await Promise.all(Array.from({ length: 10 }, (_, index) => misbehaveAndLeave(t, round * 10 + index)));
      peak = Math.max(peak, await repliesRemembered(t));
    }
    assert.ok(peak > baseline, `refused messages were remembered while their users were connected (${peak})`);
    await eventually('every departed user forgotten', () => repliesRemembered(t), (entries) => entries === baseline);
  });

  test('a user who comes back within the grace period gets the same answer to a retried message', async () => {
    const rest = new RestClient({ baseUrl: t.url });
    await rest.guest(`back-${process.pid % 1000}`);
    const open = async (): Promise<{ socket: WebSocket; next: () => Promise<AnyServerMessage> }> => {
      const socket = new WebSocket(`${t.wsUrl}?token=${encodeURIComponent(rest.accessToken as string)}`);
      const next = (): Promise<AnyServerMessage> => new Promise((resolve) => socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()) as AnyServerMessage)));
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      return { socket, next };
    };
    const frame = JSON.stringify({ type: 'RESUME', payload: { roomId: randomUUID(), lastSeq: 0 }, timestamp: Date.now(), id: 'retried' });
    const first = await open();
    const answer = first.next();
    first.socket.send(frame);
    const original = await answer;
    // The new socket opens before the old one closes, as a client replacing a dropped connection does.
    const second = await open();
    first.socket.close();
    const again = second.next();
    second.socket.send(frame);
    assert.equal((await again).messageId, original.messageId, 'the remembered reply, not a new one');
    second.socket.close();
  });

  test('the cache is bounded in all, whatever the number of users', () => {
    const cache = new ReplyCache({ perUser: 20, total: 500, graceMs: 1000 });
    const reply: AnyServerMessage = { type: 'PONG', payload: { serverTime: 0 }, timestamp: 0, messageId: 'm', seq: 0 };
    for (let user = 0; user < 300; user++) for (let n = 0; n < 30; n++) cache.remember(`u${user}`, `m${n}`, [reply]);
    assert.ok(cache.size <= 500, `${cache.size} replies kept`);
    assert.equal(cache.get('u299', 'm29')?.[0], reply, 'the newest are kept');
    assert.equal(cache.get('u0', 'm29'), undefined, 'the user unheard from longest went first');
    cache.clear();
  });
});
