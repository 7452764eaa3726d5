import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { actorsOf, applyAction, legalActions, type MatchState, nextInt, type Seat, seedRng, startMatch, viewFor } from '@guandan/engine';
import fc from 'fast-check';
import { applyStateDelta, type GameStatePayload, sameJson, stateDelta } from '../src/index.js';

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
    assert.equal(delta.view.log, undefined, 'the log is not sent again');
    assert.deepEqual(delta.logAdded, next.view.log.slice(previous.view.log.length));
    assert.ok(delta.logAdded.length >= 1);
    assert.deepEqual(delta.changed, {}, 'legal options, players and deadline were the same');
    assert.equal(delta.view.rules, undefined);
    assert.ok(JSON.stringify(delta).length * 4 < JSON.stringify(next).length, 'a quarter of the full view or less');
  });

  test('a new deal sends its log whole', () => {
    const states = playedStates(5, 2000);
    const dealChange = states.findIndex((state, index) => index > 0 && state.deal.number !== states[index - 1].deal.number);
    assert.ok(dealChange > 0, 'the random match reached a second deal');
    const previous = payloadOf(states[dealChange - 1], 2, null, true);
    const next = payloadOf(states[dealChange], 2, null, true);
    const delta = stateDelta(previous, next, 1);
    assert.deepEqual(delta.view.log, next.view.log);
    assert.deepEqual(delta.logAdded, []);
    assert.deepEqual(applyStateDelta(previous, delta), next);
  });

  test('sameJson compares values, not identities or key order', () => {
    assert.ok(sameJson({ a: [1, { b: null }], c: 'x' }, { c: 'x', a: [1, { b: null }] }));
    assert.ok(!sameJson({ a: 1 }, { a: 1, b: undefined }));
    assert.ok(!sameJson([1, 2], { 0: 1, 1: 2 }));
    assert.ok(!sameJson(null, {}));
    assert.ok(!sameJson([1, [2]], [1, [3]]));
  });
});
