import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { autoPlay } from '@guandan/bots';
import type { GameStatePayload, ServerMessage } from '@guandan/protocol';
import { playByHint, sendAction } from '../src/load/bot-client.js';
import type { TestPlayer } from './support/players.js';
import { startTestServer, type TestServer } from './support/server.js';
import { connectedPlayers, MANY_GUESTS, myTurn, statesReceived, waitFor } from './support/table-play.js';

/** The shortest turn the protocol allows (RoomConfig.rules.timers: 5 to 600 seconds). */
const TURN_SECONDS = 5;
const TIMERS = { tribute: TURN_SECONDS, return: TURN_SECONDS, firstLead: TURN_SECONDS, play: TURN_SECONDS };

/** How long the server waits before it plays for a bot or a seat on 托管: long enough for a person to act first. */
const BOT_DELAY_MS = 400;

const autoPlayOf = (message: ServerMessage<'GAME_STATE_UPDATE'>, seat: number): boolean =>
  message.payload.players.find((player) => player.seat === seat)?.autoPlay ?? false;

describe('turn timers and 托管', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ env: { ...MANY_GUESTS, BOT_DELAY_MS: String(BOT_DELAY_MS), DISCONNECT_GRACE_MS: '60000' } });
  });
  after(async () => t.cleanup());

  test('a person who lets the time run out is played for; twice in a row puts them on 托管 until they act', async () => {
    // Seat 0 (idle) and seat 2 (plays at once by the hint) are people; seats 1 and 3 are bots.
    const [idle, partner] = await connectedPlayers(t, 'tm', 2);
    const room = await idle.rest.createRoom('custom', { match_length: 1, rules: { timers: TIMERS } });
    await idle.rest.setSeatBot(room.room_id, 1, 'random');
    await idle.rest.setSeatBot(room.room_id, 3, 'random');
    await partner.rest.joinByCode(room.invite_code as string);
    const stop = playByHint(partner.realtime);
    await partner.rest.ready(room.room_id, true);
    await idle.rest.ready(room.room_id, true);

    // First turn: a deadline of the turn's length; when it passes, the server plays for the seat (auto).
    const turn1 = await waitFor(idle, 'GAME_STATE_UPDATE', myTurn, { timeoutMs: 10_000 });

    const deadline1 = turn1.message.payload.deadline;
    assert.equal(turn1.message.payload.view.seat, 0);
    assert.equal(typeof deadline1, 'number', 'the seat to act has a deadline');
    const left = (deadline1 as number) - turn1.message.timestamp;
    assert.ok(left > 0 && left <= TURN_SECONDS * 1000, `the deadline is within the turn's ${TURN_SECONDS} s (${left} ms left)`);
    assert.ok(left >= TURN_SECONDS * 1000 - 2000, `the deadline is the turn's ${TURN_SECONDS} s, not less (${left} ms left)`);
    const partnerView = await waitFor(partner, 'GAME_STATE_UPDATE', (m) => m.seq === turn1.message.seq);
    assert.equal(partnerView.message.payload.deadline, null, 'a seat that does not act has no deadline');

    const timedOut1 = await waitFor(idle, 'PLAYER_ACTION', (m) => m.payload.seat === 0, { from: turn1.index, timeoutMs: TURN_SECONDS * 1000 + 3000 });
    assert.equal(timedOut1.message.payload.auto, true, 'the server played for the seat');
    assert.equal(timedOut1.message.payload.inReplyTo, undefined);
    assert.ok(timedOut1.message.timestamp >= (deadline1 as number) - 5, 'not before the deadline');
    const after1 = await waitFor(idle, 'GAME_STATE_UPDATE', (m) => m.seq === timedOut1.message.seq, { from: timedOut1.index });
    assert.equal(autoPlayOf(after1.message, 0), false, 'one timeout does not put the seat on 托管');
    const warnings1 = idle.received.filter((m): m is ServerMessage<'WARNING'> => m.type === 'WARNING');
    assert.deepEqual(
      warnings1.map((m) => m.payload.code),
      ['TIMED_OUT'],
      'the first timeout warns that the next one in a row puts the seat on 托管',
    );

    // Second turn in a row: played for again, with a warning, and the seat is now on 托管.
    const turn2 = await waitFor(idle, 'GAME_STATE_UPDATE', myTurn, { from: after1.index + 1, timeoutMs: 10_000 });
    assert.equal(typeof turn2.message.payload.deadline, 'number');
    const timedOut2 = await waitFor(idle, 'PLAYER_ACTION', (m) => m.payload.seat === 0, { from: turn2.index, timeoutMs: TURN_SECONDS * 1000 + 3000 });
    assert.equal(timedOut2.message.payload.auto, true);
    assert.ok(timedOut2.message.timestamp >= (turn2.message.payload.deadline as number) - 5, 'not before the deadline');
    const warning = await waitFor(idle, 'WARNING', (m) => m.payload.code !== 'TIMED_OUT', { from: turn2.index });
    assert.equal(warning.message.payload.code, 'AUTO_PLAY_ON');
    const after2 = await waitFor(idle, 'GAME_STATE_UPDATE', (m) => m.seq === timedOut2.message.seq, { from: timedOut2.index });
    assert.equal(autoPlayOf(after2.message, 0), true, 'two timeouts in a row: 托管');
    const partnerAfter2 = await waitFor(partner, 'GAME_STATE_UPDATE', (m) => m.seq === timedOut2.message.seq);
    assert.equal(autoPlayOf(partnerAfter2.message, 0), true, 'the other players see it');
    assert.equal(partner.received.filter((m) => m.type === 'WARNING').length, 0, 'the warning is for the seat only');

    // On 托管 the turn has no deadline (the server plays soon); acting in time turns 托管 off.
    const turn3 = await waitFor(idle, 'GAME_STATE_UPDATE', myTurn, { from: after2.index + 1, timeoutMs: 10_000 });
    assert.equal(turn3.message.payload.deadline, null, 'nobody waits for a seat on 托管');
    sendAction(idle.realtime, autoPlay((turn3.message.payload as GameStatePayload).view), 'back');
    const back = await waitFor(idle, 'PLAYER_ACTION', (m) => m.payload.inReplyTo === 'back', { from: turn3.index });
    assert.equal(back.message.payload.auto, false);
    const after3 = await waitFor(idle, 'GAME_STATE_UPDATE', (m) => m.seq === back.message.seq, { from: back.index });
    assert.equal(autoPlayOf(after3.message, 0), false, 'acting again turns 托管 off');
    const turn4 = await waitFor(idle, 'GAME_STATE_UPDATE', myTurn, { from: after3.index + 1, timeoutMs: 10_000 });
    assert.equal(typeof turn4.message.payload.deadline, 'number', 'the deadline is back');

    // 托管 asked for: the server plays the seat at once instead of waiting for the deadline.
    idle.realtime.send('AUTO_PLAY', { on: true });
    const on = await waitFor(idle, 'GAME_STATE_UPDATE', (m) => autoPlayOf(m, 0), { from: turn4.index });
    assert.equal(on.message.seq, turn4.message.seq + 1, 'turning 托管 on is a table event');
    const served = await waitFor(idle, 'PLAYER_ACTION', (m) => m.payload.seat === 0, { from: on.index, timeoutMs: TURN_SECONDS * 1000 - 1000 });
    assert.equal(served.message.payload.auto, true);
    assert.ok(served.message.timestamp < (turn4.message.payload.deadline as number), 'played before the turn would have run out');
    const turn5 = await waitFor(idle, 'GAME_STATE_UPDATE', myTurn, { from: served.index, timeoutMs: 10_000 });
    assert.equal(turn5.message.payload.deadline, null);
    const served5 = await waitFor(idle, 'PLAYER_ACTION', (m) => m.payload.seat === 0, { from: turn5.index, timeoutMs: TURN_SECONDS * 1000 - 1000 });
    assert.equal(served5.message.payload.auto, true);

    idle.realtime.send('AUTO_PLAY', { on: false });
    const off = await waitFor(idle, 'GAME_STATE_UPDATE', (m) => !autoPlayOf(m, 0), { from: served5.index });
    const turn6 = await waitFor(idle, 'GAME_STATE_UPDATE', myTurn, { from: off.index, timeoutMs: 10_000 });
    assert.equal(typeof turn6.message.payload.deadline, 'number', '托管 off: the seat has its time again');
    stop();

    // Bots (seats 1 and 3) play, and only after the bot delay.
    const actions = idle.received.filter((m) => m.type === 'PLAYER_ACTION');
    const botMoves = actions.filter((m, index) => index > 0 && m.type === 'PLAYER_ACTION' && m.payload.seat % 2 === 1);
    assert.ok(botMoves.length >= 8, 'the bots played');
    for (const move of botMoves) {
      const before = actions[actions.indexOf(move) - 1];
      assert.ok(move.timestamp - before.timestamp >= BOT_DELAY_MS - 5, `a bot waited the bot delay (seq ${move.seq})`);
    }

    // Throughout: a deadline for a person to act (not on 托管), null for everyone else.
    for (const player of [idle, partner] as TestPlayer[]) {
      for (const message of statesReceived(player)) {
        const { view, deadline } = message.payload;
        const acts = view.actors.includes(view.seat) && !autoPlayOf(message, view.seat);
        assert.equal(deadline !== null, acts, `seat ${view.seat} at seq ${message.seq}: a deadline only for a person who must act`);
      }
    }
  });
});
