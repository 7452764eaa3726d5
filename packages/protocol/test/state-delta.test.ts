import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Action, actorsOf, applyAction, legalActions, type MatchEvent, type MatchState, nextInt, type Seat, seedRng, startMatch, viewFor } from '@guandan/engine';
import fc from 'fast-check';
import { applyStateDelta, type GameStatePayload, readStateDelta, sameJson, type SeatAction, stateDelta, tableMessageId } from '../src/index.js';

/** A seat's payload at a state, as the server builds it (legal options and players are opaque here). */
function payloadOf(state: MatchState, seat: Seat, deadline: number | null, connected: boolean): GameStatePayload {
  const players = ([0, 1, 2, 3] as const).map((index) => ({ seat: index, userId: null, username: `p${index}`, isBot: false, connected: index === seat || connected, autoPlay: false }));
  return { roomId: 'room', gameId: 'game', view: viewFor(state, seat), legal: { canPass: deadline !== null, plays: [], cards: [] }, players, deadline, nextDealAt: null };
}

/** The states of a match played by random legal players, from the deal. */
function playedStates(seed: number, steps: number): MatchState[] {
  const random = seedRng(seed);
  let { state } = startMatch({ seed });
  const states = [state];
  for (let step = 0; step < steps && state.phase !== 'over'; step++) {
    const seat = actorsOf(state)[0];
    const actions = legalActions(state, seat);
    state = applyAction(state, actions[nextInt(random, actions.length)]).state;
    states.push(state);
  }
  return states;
}

/** The same, with each step's action and the events it made. */
function playedTransitions(seed: number, steps: number): { states: MatchState[]; transitions: { action: Action; events: MatchEvent[] }[] } {
  const random = seedRng(seed);
  let { state } = startMatch({ seed });
  const states = [state];
  const transitions: { action: Action; events: MatchEvent[] }[] = [];
  for (let step = 0; step < steps && state.phase !== 'over'; step++) {
    const actions = legalActions(state, actorsOf(state)[0]);
    const action = actions[nextInt(random, actions.length)];
    const transition = applyAction(state, action);
    state = transition.state;
    states.push(state);
    transitions.push({ action, events: transition.events });
  }
  return { states, transitions };
}

const actingSeat = (action: Action): Seat => ('seat' in action ? action.seat : 0);

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('state deltas', () => {
  test('a delta applied to the view it was made against, as received over the wire, gives the next view exactly (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 3 }), (seed, steps, stride, seat) => {
        const states = playedStates(seed, steps);
        for (let index = stride; index < states.length; index += stride) {
          const previous = payloadOf(states[index - stride], seat as Seat, index % 3 === 0 ? null : index, index % 2 === 0);
          const next = payloadOf(states[index], seat as Seat, index % 5 === 0 ? null : index + 1, index % 4 === 0);
          const delta = roundTrip(stateDelta(previous, next, index - stride));
          assert.deepEqual(applyStateDelta(roundTrip(previous), delta), roundTrip(next));
        }
      }),
      { numRuns: 60 },
    );
  });

  test('after one action a delta carries the log entry it added, not the log, and nothing that did not change', () => {
    const states = playedStates(11, 80);
    const previous = payloadOf(states[79], 0, 5, true);
    const next = payloadOf(states[80], 0, 5, true);
    const delta = stateDelta(previous, next, 79);
    assert.equal(delta.view?.log, undefined, 'the log is not sent again');
    assert.deepEqual(delta.logAdded, next.view.log.slice(previous.view.log.length));
    assert.ok((delta.logAdded ?? []).length >= 1);
    assert.equal(delta.changed, undefined, 'legal options, players and deadline were the same');
    assert.equal(delta.view?.rules, undefined);
    assert.ok(JSON.stringify(delta).length * 4 < JSON.stringify(next).length, 'a quarter of the full view or less');
  });

  test('a delta that carries its action leaves out the log entries the action adds, and the client rebuilds them', () => {
    const { states, transitions } = playedTransitions(23, 120);
    let carried = 0;
    for (let index = 1; index < states.length; index++) {
      const { action, events } = transitions[index - 1];
      const seatAction: SeatAction = { seat: actingSeat(action), kind: action.kind, auto: false, events };
      const previous = payloadOf(states[index - 1], 1, null, true);
      const next = payloadOf(states[index], 1, null, true);
      const delta = roundTrip(stateDelta(previous, next, index - 1, seatAction));
      if (states[index].deal.number === states[index - 1].deal.number) {
        assert.equal(delta.logAdded, undefined, `step ${index}: the log's new entries are the action's`);
        carried++;
      }
      assert.deepEqual(applyStateDelta(roundTrip(previous), delta), roundTrip(next), `step ${index}`);
    }
    assert.ok(carried > 100);
  });

  test('a pass sends only the part of the trick that changed', () => {
    const { states, transitions } = playedTransitions(7, 300);
    const passAt = transitions.findIndex((step, index) => step.action.kind === 'pass' && states[index + 1].deal.trick.lastPlay !== null);
    assert.ok(passAt >= 0, 'the random match had a pass that did not end the trick');
    const previous = payloadOf(states[passAt], 3, null, true);
    const next = payloadOf(states[passAt + 1], 3, null, true);
    const delta = stateDelta(previous, next, passAt);
    assert.equal(delta.view?.trick, undefined, 'the trick is not sent whole');
    assert.deepEqual(delta.viewPatch?.trick, { passes: next.view.trick.passes });
    assert.deepEqual(applyStateDelta(previous, delta), next);
  });

  test('a client reads a delta with an action as the PLAYER_ACTION of its seq, then the view', () => {
    const { states, transitions } = playedTransitions(3, 2);
    const { action, events } = transitions[0];
    const previous = payloadOf(states[0], 0, null, true);
    const next = payloadOf(states[1], 0, null, true);
    const last = { type: 'GAME_STATE_UPDATE', payload: previous, timestamp: 1, messageId: 'game:0:0:GAME_STATE_UPDATE', seq: 4 } as const;
    const delta = { type: 'GAME_STATE_DELTA', payload: stateDelta(previous, next, 4, { seat: actingSeat(action), kind: action.kind, auto: true, events, inReplyTo: 'm1' }), timestamp: 2, messageId: 'game:0:5:GAME_STATE_DELTA', seq: 5 } as const;
    const [played, view] = readStateDelta(last, roundTrip(delta));
    assert.deepEqual(played, { type: 'PLAYER_ACTION', payload: { roomId: 'room', seat: actingSeat(action), kind: action.kind, auto: true, events, inReplyTo: 'm1' }, timestamp: 2, messageId: tableMessageId('game', 5, 'PLAYER_ACTION'), seq: 5 });
    assert.deepEqual(view, { type: 'GAME_STATE_UPDATE', payload: next, timestamp: 2, messageId: delta.messageId, seq: 5 });
    assert.equal(readStateDelta(last, { ...delta, payload: stateDelta(previous, next, 4) }).length, 1, 'without an action, only the view');
  });

  test('sameJson compares values, not identities or key order', () => {
    assert.ok(sameJson({ a: [1, { b: null }], c: 'x' }, { c: 'x', a: [1, { b: null }] }));
    assert.ok(!sameJson({ a: 1 }, { a: 1, b: undefined }));
    assert.ok(!sameJson([1, 2], { 0: 1, 1: 2 }));
    assert.ok(!sameJson(null, {}));
    assert.ok(!sameJson([1, [2]], [1, [3]]));
  });
});
