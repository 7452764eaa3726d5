import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { displayHand } from '../src/table/model/hand';
import { sweepSelection } from '../src/table/model/sweep';

const hand = displayHand(['SA', 'HA', 'SK', 'CK', 'DQ', 'H5', 'S5', 'C3', 'SB', 'HR'], '2');

describe('a drag over the hand (sweepSelection)', () => {
  it('selects every card passed, in any order, when it began on an unselected card', () => {
    const next = sweepSelection(hand, new Set([hand[1].key]), [0, 4, 2, 4]);
    assert.deepEqual([...next].sort(), [hand[0].key, hand[1].key, hand[2].key, hand[4].key].sort());
  });

  it('deselects every card passed when it began on a selected card, and keeps the rest', () => {
    const base = new Set([hand[0].key, hand[3].key, hand[5].key]);
    assert.deepEqual([...sweepSelection(hand, base, [3, 5, 6])], [hand[0].key]);
  });

  it('changes only the cards passed, all to the state opposite the first one had (property)', () => {
    fc.assert(
      fc.property(fc.subarray(hand.map((card) => card.key)), fc.array(fc.integer({ min: -2, max: hand.length + 2 }), { minLength: 1 }), (chosen, touched) => {
        const base = new Set(chosen);
        const next = sweepSelection(hand, base, touched);
        const first = hand[touched[0]];
        if (first === undefined) return assert.equal(next, base);
        const target = !base.has(first.key);
        hand.forEach((card, index) => assert.equal(next.has(card.key), touched.includes(index) ? target : base.has(card.key)));
      }),
    );
  });
});
