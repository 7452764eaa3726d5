import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actorsOf, type Exchange, type MatchEvent, parseCards, type Play, type Seat, SEATS, viewFor } from '@guandan/engine';
import type { AnyServerMessage } from '@guandan/protocol';
import {
  consumeEffect,
  effectOf,
  initialTableState,
  isMyTurn,
  mySeat,
  reduceServerMessage,
  seatPosition,
  type TableEffect,
  type TableState,
  type TrickEntry,
} from '../src/table/model/table-state';
import {
  chatMessage,
  errorMessage,
  legalOptions,
  matchMessages,
  playerAction,
  playMatch,
  ROOM_ID,
  stateUpdate,
  warningMessage,
} from './support/table-match';

const reduceAll = (messages: readonly AnyServerMessage[], state = initialTableState(ROOM_ID)): TableState =>
  messages.reduce(reduceServerMessage, state);

const withoutIds = (effects: readonly TableEffect[]): unknown[] => effects.map(({ id: _id, ...rest }) => rest);

/** Seeds whose second deal starts with each kind of tribute; in the first two a trick passes to a partner (接风). */
const MATCHES = [
  { seed: 'table-state-8', second: 'a double tribute' },
  { seed: 'table-state-5', second: 'a single tribute' },
  { seed: 'table-state-1', second: 'an anti-tribute' },
];

for (const { seed, second } of MATCHES) {
  describe(`table state: a whole match whose second deal has ${second}`, () => {
    const { start, steps } = playMatch(seed);
    const final = steps[steps.length - 1].after;
    it('plays two deals', () => {
      assert.equal(final.phase, 'over');
      assert.equal(final.history.length, 2);
      const tributes = steps.filter((step) => step.action.kind === 'tribute').length;
      assert.equal(tributes, { 'a double tribute': 2, 'a single tribute': 1, 'an anti-tribute': 0 }[second]);
    });

    for (const me of SEATS) {
      it(`seat ${me}: after every message the state agrees with the engine`, () => {
        let state = initialTableState(ROOM_ID);
        // The trick as the engine's events tell it, kept independently of the reducer.
        let trick: TrickEntry[] = [];
        let consumed = 0;
        const expected: unknown[] = [];
        state = reduceServerMessage(state, stateUpdate(start, me, 0));
        expected.push({ kind: 'deal' });
        steps.forEach((step, index) => {
          const seq = index + 1;
          state = reduceServerMessage(state, playerAction(step, seq));
          for (const event of step.events) {
            const effect = effectOf(event);
            if (effect !== null) expected.push(effect);
            if (event.kind === 'played') trick = [...trick, { seat: event.seat, play: event.play }];
            if (event.kind === 'passed') trick = [...trick, { seat: event.seat, play: null }];
            if (event.kind === 'trickWon' || event.kind === 'dealStarted') trick = [];
          }
          if (step.after.phase !== 'over') {
            state = reduceServerMessage(state, stateUpdate(step.after, me, seq));
            if (step.events.some((event) => event.kind === 'dealStarted')) expected.push({ kind: 'deal' });
            assert.deepEqual(state.view, viewFor(step.after, me));
            assert.deepEqual(state.legal, legalOptions(step.after, me));
            assert.deepEqual(state.trick, trick, `trick after action ${seq}`);
            assert.equal(isMyTurn(state), actorsOf(step.after).includes(me));
          }
          assert.equal(state.lastSeq, seq);
          // The view consumes effects now and then, as the animations finish.
          if (index % 7 === 0) {
            for (const effect of state.effects) state = consumeEffect(state, effect.id);
            consumed = expected.length;
          }
          assert.deepEqual(withoutIds(state.effects), expected.slice(consumed));
        });
        assert.equal(mySeat(state), me);
        assert.equal(state.lastDeal?.number, 2);
        assert.deepEqual(state.lastDeal, final.history[1]);
      });
    }
  });
}

describe('effects of engine events', () => {
  const single: Play = { type: 'Single', rank: '5', cards: ['S5'] };
  const bomb: Play = { type: 'Bomb', rank: '7', cards: parseCards('S7 H7 C7 D7') };
  const exchange: Exchange = { from: 0, to: 1, card: 'HA' };

  it('a play (marked when it is a bomb), a pass, a seat going out and each exchange become their effect', () => {
    assert.deepEqual(effectOf({ kind: 'played', seat: 2, play: single }), { kind: 'play', seat: 2, play: single, bomb: false });
    assert.deepEqual(effectOf({ kind: 'played', seat: 3, play: bomb }), { kind: 'play', seat: 3, play: bomb, bomb: true });
    assert.deepEqual(effectOf({ kind: 'passed', seat: 1 }), { kind: 'pass', seat: 1 });
    assert.deepEqual(effectOf({ kind: 'playerOut', seat: 0, place: 2 }), { kind: 'out', seat: 0, place: 2 });
    assert.deepEqual(effectOf({ kind: 'tributePaid', exchange }), { kind: 'exchange', exchange, returned: false });
    assert.deepEqual(effectOf({ kind: 'tributeReturned', exchange }), { kind: 'exchange', exchange, returned: true });
  });

  it('the end of a deal carries its result and the end of the match its winner; the other events animate nothing', () => {
    const { steps } = playMatch('table-state-8');
    const [result] = steps[steps.length - 1].after.history;
    assert.deepEqual(effectOf({ kind: 'dealEnded', result }), { kind: 'dealEnded', result });
    assert.deepEqual(effectOf({ kind: 'matchEnded', winner: 1, levels: ['A', '5'] }), { kind: 'victory', winningTeam: 1 });
    assert.deepEqual(effectOf({ kind: 'matchEnded', winner: null, levels: ['9', '7'] }), { kind: 'victory', winningTeam: null });
    const quiet: MatchEvent[] = [
      { kind: 'dealStarted', deal: 2, level: '3', levelTeam: 0, tribute: 'single' },
      { kind: 'antiTribute', seats: [1, 3] },
      { kind: 'tributeSubmitted', seat: 1 },
      { kind: 'playBegins', leader: 0 },
      { kind: 'trickWon', seat: 2, leader: 2 },
    ];
    for (const event of quiet) assert.equal(effectOf(event), null, event.kind);
  });
});

describe('table state: resuming, retries, rooms and games', () => {
  const { start, steps } = playMatch('table-state-8');
  const final = steps[steps.length - 1].after;

  it('effects are numbered in order and end with the victory', () => {
    const state = reduceAll(matchMessages(start, steps, 0));
    const ids = state.effects.map((effect) => effect.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
    assert.equal(new Set(ids).size, ids.length);
    const last = state.effects[state.effects.length - 1];
    assert.deepEqual(last, { id: last.id, kind: 'victory', winningTeam: final.winner });
    assert.ok(state.effects.length <= 40, 'unconsumed effects are capped');
  });

  it('GAME_ENDED sets the end and nobody is to act any more', () => {
    const state = reduceAll(matchMessages(start, steps, 0));
    assert.equal(state.ended?.winningTeam, final.winner);
    assert.deepEqual(state.ended?.order, final.history.map((deal) => deal.order));
    assert.equal(isMyTurn(state), false);
  });

  it('a RESUME that sends every message again adds no effect and changes nothing', () => {
    const messages = matchMessages(start, steps.slice(0, 60), 2);
    const once = reduceAll(messages);
    const drained = once.effects.reduce((state, effect) => consumeEffect(state, effect.id), once);
    const again = reduceAll(messages.slice(20), drained);
    assert.deepEqual(again.effects, []);
    assert.deepEqual(again.trick, once.trick);
    assert.deepEqual(again.view, once.view);
    assert.equal(again.lastSeq, once.lastSeq);
  });

  it('an action answered again after a retry (old seq, same id) adds no effect', () => {
    const messages = matchMessages(start, steps.slice(0, 10), 1);
    const state = reduceAll(messages);
    const retried = reduceServerMessage(state, playerAction(steps[4], 5, 'client-5'));
    assert.deepEqual(retried.effects, state.effects);
    assert.deepEqual(retried.trick, state.trick);
  });

  it('messages of another room are ignored', () => {
    const state = reduceServerMessage(initialTableState('another-room'), stateUpdate(start, 0, 0));
    assert.deepEqual(state, initialTableState('another-room'));
  });

  it('a new game in the same room starts from a clean table', () => {
    const state = reduceAll(matchMessages(start, steps.slice(0, 30), 0));
    const next = reduceServerMessage(state, stateUpdate(start, 0, 0, 'game-2'));
    assert.equal(next.gameId, 'game-2');
    assert.equal(next.lastSeq, 0);
    assert.deepEqual(withoutIds(next.effects), [{ kind: 'deal' }]);
    assert.deepEqual(next.trick, []);
  });
});

describe('table state: chat, warnings and errors', () => {
  const { start, steps } = playMatch('table-state-2', undefined, 10);
  const opened = reduceServerMessage(initialTableState(ROOM_ID), stateUpdate(start, 0, 0));

  it('keeps the last 50 chat lines, each once', () => {
    let state = opened;
    for (let seq = 1; seq <= 60; seq++) state = reduceServerMessage(state, chatMessage(seq, `line ${seq}`));
    state = reduceServerMessage(state, chatMessage(60, 'line 60'));
    assert.equal(state.chat.length, 50);
    assert.equal(state.chat[0].text, 'line 11');
    assert.equal(state.chat[49].text, 'line 60');
    assert.equal(state.chat[49].username, 'bot 1');
    assert.equal(state.chat[49].at, 1_700_000_000_060);
  });

  it('an ERROR stays until an action of this seat is accepted', () => {
    // In the first deal the seats play in turn: the third action is the first of its seat.
    const me = (steps[2].action as { seat: Seat }).seat;
    let state = reduceServerMessage(initialTableState(ROOM_ID), stateUpdate(start, me, 0));
    state = reduceServerMessage(state, errorMessage(0, 'DOES_NOT_BEAT', 'client-1'));
    assert.deepEqual(state.error, { code: 'DOES_NOT_BEAT', message: 'DOES_NOT_BEAT' });
    state = reduceServerMessage(state, playerAction(steps[0], 1));
    state = reduceServerMessage(state, stateUpdate(steps[0].after, me, 1));
    state = reduceServerMessage(state, playerAction(steps[1], 2));
    assert.equal(state.error?.code, 'DOES_NOT_BEAT', 'other seats acting do not clear it');
    state = reduceServerMessage(state, playerAction(steps[2], 3, 'client-2'));
    assert.equal(state.error, null);
  });

  it('keeps the last warning code', () => {
    assert.equal(reduceServerMessage(opened, warningMessage(3)).warning, 'AUTO_PLAY_ON');
  });
});

describe('seat positions', () => {
  it('puts me at the bottom, the next seat to act on the right and my partner on top', () => {
    for (const me of SEATS) {
      assert.equal(seatPosition(me, me), 'bottom');
      assert.equal(seatPosition(me, ((me + 1) % 4) as Seat), 'right');
      assert.equal(seatPosition(me, ((me + 2) % 4) as Seat), 'top');
      assert.equal(seatPosition(me, ((me + 3) % 4) as Seat), 'left');
    }
  });
});
