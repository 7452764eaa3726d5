import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actorsOf, applyAction, type MatchState, type Seat, startMatch, viewFor } from '@guandan/engine';
import { consistentWith, passEvidence } from '../src/players/evidence.js';

/** The leader leads `cards` as a single; the next seat passes on it. */
function leadThenPass(card: (hand: string[]) => string): { state: MatchState; leader: Seat; passer: Seat } {
  let state = startMatch({ seed: 'evidence' }).state;
  const leader = actorsOf(state)[0];
  state = applyAction(state, { kind: 'play', seat: leader, cards: [card(state.deal.hands[leader])] }).state;
  const passer = actorsOf(state)[0];
  state = applyAction(state, { kind: 'pass', seat: passer }).state;
  return { state, leader, passer };
}

describe('soft evidence from passes', () => {
  it('records a pass on an opponent\'s play, not the viewer\'s own', () => {
    const { state, leader, passer } = leadThenPass((hand) => hand[0]);
    const viewer = ((passer + 1) % 4) as Seat;
    const evidence = passEvidence(viewFor(state, viewer));
    assert.deepEqual(
      evidence.map(({ seat, over, playedSince }) => ({ seat, type: over.type, playedSince })),
      [{ seat: passer, type: 'Single', playedSince: [] }],
    );
    assert.equal(evidence[0].over.cards[0], state.deal.log[0].play?.cards[0]);
    assert.notEqual(passer, leader);
    assert.deepEqual(passEvidence(viewFor(state, passer)), []);
  });

  it('a guess that gives the passer a planned single above the led card contradicts the pass', () => {
    const { state, passer } = leadThenPass((hand) => hand[0]);
    const evidence = passEvidence(viewFor(state, ((passer + 1) % 4) as Seat));
    const level = state.deal.level;
    const hands = state.deal.hands.map((hand) => [...hand]);
    hands[passer] = ['HR'];
    assert.equal(consistentWith(evidence, hands, level), false);
    hands[passer] = [state.deal.log[0].play?.cards[0] ?? ''];
    assert.equal(consistentWith(evidence, hands, level), true, 'an equal single cannot beat it');
  });
});
