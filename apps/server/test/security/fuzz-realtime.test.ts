import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { parseClientMessage } from '@guandan/protocol';
import fc from 'fast-check';
import { playByHint } from '../../tools/load/bot-client.js';
import { type Frame, frames } from '../support/fuzz-frames.js';
import { replayHint, fuzzSeed, seedFor } from '../support/fuzz-seed.js';
import { FuzzSocket } from '../support/fuzz-socket.js';
import { connectedPlayer, type TestPlayer } from '../support/players.js';
import { checkServerMessage } from '../support/server-messages.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { MANY_GUESTS, resumeByHint, waitFor } from '../support/table-play.js';

/**
 * Property: while a real game runs (two people and two bots), generated frames sent by a seated player's second
 * socket and by someone outside the room get only valid server messages back (a typed ERROR or a message the
 * protocol defines), the sockets stay open, the server stays up, and the honest players can still finish the game
 * with consistent views.
 *
 * The message rate limit is raised for this server so the fuzz exercises the handlers rather than the limiter
 * (which closes a socket with the documented 1008 and has its own tests); chat limits stay at their defaults, so
 * CHAT_RATE_LIMITED refusals are part of what is checked.
 */

const SEED = fuzzSeed();
const BATCHES = 160;
const BATCH_SIZE = 25;
const MINIMUM_FRAMES = 3_000;

describe('realtime fuzz at a table with a game running', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ env: { ...MANY_GUESTS, REALTIME_MESSAGES_PER_SECOND: '100000', REALTIME_BURST: '100000', DISCONNECT_GRACE_MS: '60000' } });
  });
  after(async () => t.cleanup());

  test('generated frames get typed answers only, sockets stay open, and the table goes on', async (context) => {
    context.diagnostic(replayHint('fuzz-realtime.test.ts', SEED));
    const host = await connectedPlayer(t, 'host');
    const seated = await connectedPlayer(t, 'seated');
    const outsider = await connectedPlayer(t, 'outside');
    // The seated account plays its seat honestly on its own connection; its second socket is the fuzzer.
    const stopSeatedPlay = playByHint(seated.realtime);
    const room = await host.rest.createRoom('custom', { match_length: 1 });
    await seated.rest.joinByCode(room.invite_code as string);
    await host.rest.setSeatBot(room.room_id, 2, 'easy');
    await host.rest.setSeatBot(room.room_id, 3, 'easy');
    const firstView = waitFor(host, 'GAME_STATE_UPDATE');
    const seatedView = waitFor(seated, 'GAME_STATE_UPDATE');
    await host.rest.ready(room.room_id);
    await seated.rest.ready(room.room_id);
    await firstView;
    const { hand } = (await seatedView).message.payload.view;
    // The host does not act until the fuzz is over, so the game is still running while the frames arrive.

    const sockets = [await FuzzSocket.open(t.wsUrl, seated.session.jwt), await FuzzSocket.open(t.wsUrl, outsider.session.jwt)];
    const replayIds = ['replayed-1', 'replayed-2', 'x'.repeat(64)];
    const generated = frames({ roomIds: [room.room_id, randomUUID()], cards: hand, replayIds });
    let sent = 0;
    /** How often each message type or error code came back, to show what the frames reached. */
    const answers = new Map<string, number>();
    const batch = fc.record({
      socket: fc.constantFrom(0, 1),
      // Leaving the game is the seated player's right and would end the fuzz of a seated player, so it is not sent.
      frames: fc.array(generated.filter((frame) => !isValidQuit(frame)), { minLength: BATCH_SIZE, maxLength: BATCH_SIZE }),
    });
    const result = await fc.check(
      fc.asyncProperty(batch, async ({ socket: which, frames: batchFrames }) => {
        const socket = sockets[which];
        const from = socket.received.length;
        for (const frame of batchFrames) socket.send(frame);
        sent += batchFrames.length;
        await socket.barrier();
        assert.ok(socket.open, `the socket closed: ${JSON.stringify(socket.closed)}`);
        for (const text of socket.received.slice(from)) {
          const checked = checkServerMessage(text);
          assert.ok(checked.ok, checked.ok ? '' : checked.why);
          const answer = checked.type === 'ERROR' ? (checked.payload as { code: string }).code : checked.type;
          answers.set(answer, (answers.get(answer) ?? 0) + 1);
          if (checked.type === 'ERROR') {
            const { inReplyTo } = checked.payload as { inReplyTo: string | null };
            assert.ok(inReplyTo === null || socket.sentIds.has(inReplyTo), `an ERROR in reply to ${inReplyTo}, which this socket never sent`);
          }
        }
      }),
      // The sockets carry state from batch to batch, so shrinking a failing batch would replay it on a changed table.
      { seed: seedFor(SEED, 'realtime frames'), numRuns: BATCHES, endOnFailure: true },
    );
    assert.ok(!result.failed, `${fc.defaultReportMessage(result)}\n${String(result.errorInstance)}`);
    assert.ok(sent >= MINIMUM_FRAMES, `only ${sent} frames were sent`);
    context.diagnostic(`${sent} frames over ${BATCHES} batches; answers: ${[...answers].map(([answer, count]) => `${answer} ${count}`).join(', ')}`);

    for (const socket of sockets) {
      await socket.barrier();
      assert.ok(socket.open);
    }
    assert.equal((await fetch(`${t.url}/healthz`)).status, 200);

    const stopHostPlay = resumeByHint(host);
    const [hostEnd, seatedEnd] = await Promise.all([waitFor(host, 'GAME_ENDED', () => true, { timeoutMs: 60_000 }), waitFor(seated, 'GAME_ENDED', () => true, { timeoutMs: 60_000 })]);
    stopHostPlay();
    stopSeatedPlay();
    assert.deepEqual(hostEnd.message.payload, seatedEnd.message.payload, 'both people saw the same end');
    assertConsistentViews([host, seated]);
    for (const socket of sockets) socket.close();
  });
});

function isValidQuit(frame: Frame): boolean {
  if (typeof frame !== 'string') return false;
  const parsed = parseClientMessage(frame);
  return parsed.ok && parsed.message.type === 'QUIT';
}

/** The table actions a player saw, once each (by messageId), as seq, seat and kind. */
function actionsSeen(player: TestPlayer): string[] {
  const seen = new Map<string, string>();
  for (const message of player.received) {
    if (message.type === 'PLAYER_ACTION') seen.set(message.messageId, `${message.seq}:${message.payload.seat}:${message.payload.kind}`);
  }
  return [...seen.values()];
}

/** Both people saw the same actions, and neither saw the table go backwards. */
function assertConsistentViews(players: TestPlayer[]): void {
  const [first, ...others] = players.map(actionsSeen);
  assert.ok(first.length > 0, 'the game was played');
  for (const other of others) assert.deepEqual(other, first, 'every seat saw the same actions');
  for (const player of players) {
    const seqs = player.received.map((message) => message.seq);
    seqs.forEach((seq, index) => assert.ok(index === 0 || seq >= seqs[index - 1], `the table went back from seq ${seqs[index - 1]} to ${seq}`));
  }
}
