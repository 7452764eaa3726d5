import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { autoPlay } from '@guandan/bots';
import type { Seat } from '@guandan/engine';
import type { ServerMessage } from '@guandan/protocol';
import type { Move } from '../src/tables/table-commands.js';
import { viewPayloadFor } from '../src/tables/table-messages.js';
import { secondsToAct } from '../src/tables/turn-timing.js';
import { TableHarness } from './support/table-harness.js';

/** The shortest turn the protocol allows, for every phase. */
const TIMERS = { tribute: 5, return: 5, firstLead: 5, play: 5 };
const TURN_MS = 5000;
const BOT_DELAY_MS = 800;

const autoPlayOf = (message: ServerMessage<'GAME_STATE_UPDATE'>, seat: number): boolean => message.payload.players.find((player) => player.seat === seat)?.autoPlay ?? false;
const mustAct = (message: ServerMessage<'GAME_STATE_UPDATE'>): boolean => message.payload.view.actors.includes(message.payload.view.seat);

/** What the auto-play choice would do for a person, as a move they send. */
function sensibleMove(message: ServerMessage<'GAME_STATE_UPDATE'>): Move {
  const action = autoPlay(message.payload.view);
  if (action.kind === 'timeUp') throw new Error('no move');
  const { seat: _seat, ...move } = action;
  return move;
}

/** Moves the clock from timer to timer until `done` holds (at most `limitMs`). */
async function advanceUntil(h: TableHarness, done: () => boolean, limitMs = 120_000): Promise<void> {
  const end = h.clock.now() + limitMs;
  while (!done()) {
    const due = h.clock.nextDue();
    if (due === undefined || due > end) throw new Error(`nothing due before the limit, and the condition does not hold`);
    await h.clock.advance(due - h.clock.now());
  }
}

describe('a table in memory, on a clock the test moves', () => {
  let h: TableHarness;
  before(async () => {
    h = await TableHarness.start({ BOT_DELAY_MS: String(BOT_DELAY_MS), DISCONNECT_GRACE_MS: '60000' });
  });
  after(() => h.close());

  test('a person who lets the time run out is played for at the deadline; twice in a row puts them on 托管 until they act', async () => {
    const li = crypto.randomUUID();
    await h.table([{ userId: li }, { botLevel: 'random' }, { botLevel: 'random' }, { botLevel: 'random' }], { timers: TIMERS });
    const myTurnNow = (): boolean => mustAct(h.outbound.lastState(li));

    // First turn: a deadline the turn's length away; the server plays for the seat exactly then, not a millisecond before.
    await advanceUntil(h, myTurnNow);
    const turn1 = h.outbound.lastState(li);
    assert.equal(turn1.payload.deadline, turn1.timestamp + TURN_MS, "the deadline is the turn's 5 s from when it started");
    const actionsBefore = h.outbound.of(li, 'PLAYER_ACTION').length;
    await h.clock.advance((turn1.payload.deadline as number) - h.clock.now() - 1);
    assert.equal(h.outbound.of(li, 'PLAYER_ACTION').length, actionsBefore, 'nothing is played before the deadline');
    await h.clock.advance(1);
    const timedOut1 = h.outbound.of(li, 'PLAYER_ACTION')[actionsBefore];
    assert.equal(timedOut1.payload.seat, 0);
    assert.equal(timedOut1.payload.auto, true, 'the server played for the seat');
    assert.equal(timedOut1.timestamp, turn1.payload.deadline, 'at the deadline');
    assert.deepEqual(
      h.outbound.of(li, 'WARNING').map((m) => m.payload.code),
      ['TIMED_OUT'],
    );
    assert.equal(autoPlayOf(h.outbound.lastState(li), 0), false, 'one timeout does not put the seat on 托管');

    // Second in a row: 托管, with its warning; the other seats see it in the players list.
    await advanceUntil(h, myTurnNow);
    const turn2 = h.outbound.lastState(li);
    await h.clock.advance((turn2.payload.deadline as number) - h.clock.now());
    assert.deepEqual(
      h.outbound.of(li, 'WARNING').map((m) => m.payload.code),
      ['TIMED_OUT', 'AUTO_PLAY_ON'],
    );
    assert.equal(autoPlayOf(h.outbound.lastState(li), 0), true, 'two timeouts in a row: 托管');

    // On 托管 nobody waits for the seat: no deadline, the server plays it after the bot delay.
    await advanceUntil(h, myTurnNow);
    const turn3 = h.outbound.lastState(li);
    assert.equal(turn3.payload.deadline, null);
    const before3 = h.outbound.of(li, 'PLAYER_ACTION').length;
    await h.clock.advance(BOT_DELAY_MS);
    const served = h.outbound.of(li, 'PLAYER_ACTION').slice(before3).find((m) => m.payload.seat === 0);
    assert.equal(served?.payload.auto, true);
    assert.equal(served?.timestamp, turn3.timestamp + BOT_DELAY_MS);

    // Acting takes the seat back from 托管; the deadline returns with the next turn.
    await advanceUntil(h, myTurnNow);
    await h.clock.advance(100);
    const turn4 = h.outbound.lastState(li);
    assert.ok(mustAct(turn4), 'still my turn 100 ms in: the server did not play');
    await h.tables.run({ op: 'act', userId: li, clientMsgId: 'back', move: sensibleMove(turn4) });
    const back = h.outbound.of(li, 'PLAYER_ACTION').at(-1);
    assert.equal(back?.payload.inReplyTo, 'back');
    assert.equal(back?.payload.auto, false);
    assert.equal(autoPlayOf(h.outbound.lastState(li), 0), false, 'acting turns 托管 off');
    await advanceUntil(h, myTurnNow);
    assert.equal(typeof h.outbound.lastState(li).payload.deadline, 'number', 'the deadline is back');

    // 托管 asked for is a table event of its own; the server then plays the seat after the bot delay.
    const turn5 = h.outbound.lastState(li);
    await h.tables.run({ op: 'autoPlay', userId: li, on: true });
    const on = h.outbound.lastState(li);
    assert.equal(on.seq, turn5.seq + 1, 'turning 托管 on is a table event');
    assert.equal(autoPlayOf(on, 0), true);
    await h.clock.advance(BOT_DELAY_MS);
    assert.equal(h.outbound.of(li, 'PLAYER_ACTION').at(-1)?.payload.seat, 0, 'played for at once, not at the deadline');
    await h.tables.run({ op: 'autoPlay', userId: li, on: false });
    assert.equal(autoPlayOf(h.outbound.lastState(li), 0), false);

    // Throughout: bots waited exactly the bot delay after the change before them; only a person who must act has a deadline.
    const actions = h.outbound.of(li, 'PLAYER_ACTION');
    const states = h.outbound.of(li, 'GAME_STATE_UPDATE');
    for (const [index, move] of actions.entries()) {
      if (index === 0 || move.payload.seat === 0) continue;
      assert.ok(move.timestamp - actions[index - 1].timestamp >= BOT_DELAY_MS, `bot at seq ${move.seq} waited the delay`);
    }
    for (const state of states) {
      const acts = mustAct(state) && !autoPlayOf(state, 0);
      assert.equal(state.payload.deadline !== null, acts, `seq ${state.seq}: a deadline only for a person who must act`);
    }
  });

  test('an away person is played for after the grace period, without counting it as a timeout', async () => {
    const grace = await TableHarness.start({ BOT_DELAY_MS: String(BOT_DELAY_MS), DISCONNECT_GRACE_MS: '2000' });
    try {
      const wang = crypto.randomUUID();
      await grace.table([{ userId: wang }, { botLevel: 'random' }, { botLevel: 'random' }, { botLevel: 'random' }], { timers: { ...TIMERS, play: 30, firstLead: 30 } });
      grace.outbound.online.delete(wang);
      grace.tables.presenceChanged(wang, false);
      const awayAt = grace.clock.now();
      const plays: ServerMessage<'PLAYER_ACTION'>[] = [];
      await advanceUntil(grace, () => (plays.push(...grace.outbound.of(wang, 'PLAYER_ACTION').filter((m) => m.payload.seat === 0 && !plays.includes(m))), plays.length >= 3));
      for (const play of plays) assert.equal(play.payload.auto, true);
      const first = plays[0];
      const turnStart = grace.outbound.of(wang, 'GAME_STATE_UPDATE').filter((m) => m.seq < first.seq && mustAct(m))[0];
      assert.equal(first.timestamp, Math.max(turnStart.timestamp, awayAt) + 2000, 'the grace runs from when the turn started or the person left');
      assert.equal(grace.outbound.of(wang, 'WARNING').length, 0, 'being away is not a timeout');
      assert.equal(autoPlayOf(grace.outbound.lastState(wang), 0), false, 'and does not put the seat on 托管');
    } finally {
      await grace.close();
    }
  });

  test('a retried message is answered again and never applied twice', async () => {
    const zhao = crypto.randomUUID();
    const gameId = await h.table([{ userId: zhao }, { botLevel: 'random' }, { botLevel: 'random' }, { botLevel: 'random' }], { timers: { ...TIMERS, play: 30, firstLead: 30 } });
    await advanceUntil(h, () => mustAct(h.outbound.lastState(zhao)));
    const move = sensibleMove(h.outbound.lastState(zhao));
    await h.tables.run({ op: 'act', userId: zhao, clientMsgId: 'once', move });
    const version = h.tables.stateOf(gameId)?.version;
    const answered = h.outbound.of(zhao, 'PLAYER_ACTION').filter((m) => m.payload.inReplyTo === 'once');
    await h.tables.run({ op: 'act', userId: zhao, clientMsgId: 'once', move });
    assert.equal(h.tables.stateOf(gameId)?.version, version, 'no new event');
    const again = h.outbound.of(zhao, 'PLAYER_ACTION').filter((m) => m.payload.inReplyTo === 'once');
    assert.equal(again.length, 2, 'the answer is sent again');
    assert.equal(again[1].messageId, answered[0].messageId, 'as the same message');
    await assert.rejects(h.tables.run({ op: 'act', userId: zhao, clientMsgId: 'twice', move }), 'the same move again (not my turn) is refused');
    assert.equal(h.tables.stateOf(gameId)?.version, version, 'a refused move changes nothing');
  });

  test('a person who quits is replaced by a bot that plays on; they are out of the table', async () => {
    const [sun, zhou] = [crypto.randomUUID(), crypto.randomUUID()];
    const gameId = await h.table([{ userId: sun }, { botLevel: 'random' }, { userId: zhou }, { botLevel: 'random' }], { timers: { ...TIMERS, play: 30, firstLead: 30 } });
    await h.tables.run({ op: 'quit', userId: sun });
    assert.deepEqual(h.quits.at(-1), { roomId: `room-${gameId}`, userId: sun }, 'the room frees the seat in the same transaction');
    for (const userId of [sun, zhou]) assert.equal(h.outbound.of(userId, 'PLAYER_LEFT').at(-1)?.payload.replacedBy, 'normal');
    const seat = h.tables.stateOf(gameId)?.table.seats[0];
    assert.equal(seat?.quit, true);
    assert.equal(seat?.botLevel, 'normal');
    await assert.rejects(h.tables.run({ op: 'autoPlay', userId: sun, on: true }), /not playing a game/);
    const sunMessages = h.outbound.received.get(sun)?.length;
    await advanceUntil(h, () => (h.outbound.of(zhou, 'PLAYER_ACTION').filter((m) => m.payload.seat === 0).length ?? 0) >= 2);
    assert.equal(h.outbound.received.get(sun)?.length, sunMessages, 'nothing more reaches the person who quit');
  });

  test('after a deal the table pauses; the next deal starts its turns when the pause ends', async () => {
    const people = [0, 1, 2, 3].map(() => crypto.randomUUID());
    const gameId = await h.table(people.map((userId) => ({ userId })), { matchEnd: { kind: 'deals', deals: 2 } });
    for (const userId of people) await h.tables.run({ op: 'autoPlay', userId, on: true });
    await advanceUntil(h, () => h.outbound.lastState(people[0]).payload.nextDealAt !== null, 600_000);
    const paused = h.outbound.lastState(people[0]);
    const dealEnd = h.outbound.of(people[0], 'PLAYER_ACTION').at(-1);
    assert.equal(paused.payload.nextDealAt, (dealEnd?.timestamp as number) + 6000, 'a 6 s pause from the end of the deal');
    for (const userId of people) await h.tables.run({ op: 'autoPlay', userId, on: false });
    const { table, version } = h.tables.stateOf(gameId) ?? assert.fail('the table runs');
    assert.equal(table.deadline, (paused.payload.nextDealAt as number) + secondsToAct(table.state) * 1000, "the next deal's first turn counts from the end of the pause");
    await h.clock.advance((table.deadline as number) - h.clock.now() - 1);
    assert.equal(h.tables.stateOf(gameId)?.version, version, 'nobody is played for before then');
    await h.clock.advance(1);
    assert.equal(h.outbound.of(people[0], 'PLAYER_ACTION').at(-1)?.timestamp, table.deadline, 'and at the deadline, the server plays');
  });

  test('views go out as what changed: applied in order they give the whole view at every step, at a fraction of the bytes', async () => {
    const people = [0, 1, 2, 3].map(() => crypto.randomUUID());
    // Long enough a match that the 150 steps below (across a deal's end) never finish it.
    const gameId = await h.table(people.map((userId) => ({ userId })), { matchEnd: { kind: 'deals', deals: 10 } });
    for (const userId of people) await h.tables.run({ op: 'autoPlay', userId, on: true });
    const wireBefore = people.map((userId) => h.outbound.wire.get(userId)?.length ?? 0);
    const versionBefore = h.tables.stateOf(gameId)?.version as number;
    let checks = 0;
    while (checks < 150) {
      await h.clock.advance(BOT_DELAY_MS);
      const live = h.tables.stateOf(gameId) ?? assert.fail('the match goes on');
      for (const [seat, userId] of people.entries()) {
        const whole = viewPayloadFor(live.table, seat as Seat, h.outbound.isOnline);
        const read = h.outbound.lastState(userId);
        assert.equal(read.seq, live.version);
        assert.deepEqual(read.payload, JSON.parse(JSON.stringify(whole)), `seat ${seat} at seq ${live.version}: the view its client built is the whole view`);
      }
      checks++;
    }
    const actions = (h.tables.stateOf(gameId)?.version as number) - versionBefore;
    const sent = people.map((userId, index) => (h.outbound.wire.get(userId) ?? []).slice(wireBefore[index]));
    const deltas = sent.flat().filter((message) => message.type === 'GAME_STATE_DELTA').length;
    assert.equal(deltas, actions * 4, 'every action after the first view: one delta per seat, no whole view');
    assert.equal(sent.flat().length, deltas, 'and nothing else: each action travels inside the delta');
    for (const userId of people) {
      const played = h.outbound.of(userId, 'PLAYER_ACTION').filter((message) => message.seq > versionBefore);
      assert.deepEqual(
        played.map((message) => message.seq),
        Array.from({ length: actions }, (_, index) => versionBefore + index + 1),
        'a client reads every action from the deltas, in order',
      );
    }
    const size = (message: unknown): number => Buffer.byteLength(JSON.stringify(message));
    const deltaBytes = sent.flat().reduce((sum, message) => sum + (message.type === 'GAME_STATE_DELTA' ? size(message) : 0), 0);
    const wholeBytes = people.reduce((sum, userId) => sum + (h.outbound.received.get(userId) ?? []).filter((m) => m.type === 'GAME_STATE_UPDATE' && m.seq > versionBefore).reduce((total, m) => total + size(m), 0), 0);
    assert.ok(deltaBytes * 4 < wholeBytes, `the changes weigh under a quarter of the whole views (${deltaBytes} against ${wholeBytes} bytes)`);
  });

  test('a table of bots plays to the end: the record holds every action and the stored table is finished', async () => {
    const gameId = await h.table([{ botLevel: 'random' }, { botLevel: 'normal' }, { botLevel: 'random' }, { botLevel: 'normal' }], { matchEnd: { kind: 'deals', deals: 1 } });
    await advanceUntil(h, () => h.finished.some((game) => game.gameId === gameId), 3_600_000);
    const record = h.finished.find((game) => game.gameId === gameId);
    const row = await h.db.selectFrom('game_tables').select(['status', 'snapshot_seq']).where('id', '=', gameId).executeTakeFirstOrThrow();
    const events = await h.db.selectFrom('table_events').select(['seq', 'action']).where('table_id', '=', gameId).orderBy('seq').execute();
    assert.equal(row.status, 'finished');
    assert.equal(row.snapshot_seq, events.length, 'the last snapshot is taken with the last event');
    events.forEach((event, index) => assert.equal(event.seq, index + 1, 'no gap, no repeat'));
    assert.equal(record?.actions.length, events.filter((event) => event.action !== null).length);
    assert.equal(h.tables.runs(gameId), false);
    assert.deepEqual(
      record?.seats.map((seat) => seat.botLevel),
      ['random', 'normal', 'random', 'normal'],
    );
  });
});
