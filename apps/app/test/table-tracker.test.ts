import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Card, type Seat, SEATS, startMatch, viewFor } from '@guandan/engine';
import fc from 'fast-check';
import { trackerRows } from '../src/table/model/tracker';
import { playMatch, randomMoment } from './support/table-match';

const PROPERTY = { seed: 20_260_104, numRuns: 80 };

const rankOf = (card: Card): string => (card === 'HR' || card === 'SB' ? card : card[1]);
const countRank = (cards: readonly Card[], rank: string): number => cards.filter((card) => rankOf(card) === rank).length;

describe('card tracker', () => {
  it('lists the big joker, the small joker, the level rank, then A down to 2', () => {
    const { steps } = playMatch('table-state-8');
    const secondDeal = steps.find((step) => step.after.deal.number === 2 && step.after.deal.level !== '2');
    assert.ok(secondDeal !== undefined, 'the second deal is played at a higher level');
    const view = viewFor(secondDeal.after, 0);
    const rows = trackerRows(view);
    const others = ['A', 'K', 'Q', 'J', 'T', '9', '8', '7', '6', '5', '4', '3', '2'].filter((rank) => rank !== view.level);
    assert.deepEqual(
      rows.map((row) => row.rank),
      ['HR', 'SB', view.level, ...others],
    );
    assert.deepEqual(
      rows.filter((row) => row.isLevel).map((row) => row.rank),
      [view.level],
    );
    assert.deepEqual(
      rows.slice(0, 2).map((row) => row.label),
      ['大王', '小王'],
    );
    assert.equal(rows.find((row) => row.rank === 'T')?.label, '10');
  });

  it('at the deal: everything not in my hand is unseen', () => {
    const state = startMatch({ seed: 'tracker' }).state;
    for (const seat of SEATS) {
      const rows = trackerRows(viewFor(state, seat));
      for (const row of rows) {
        const copies = row.rank === 'HR' || row.rank === 'SB' ? 2 : 8;
        assert.equal(row.unseen, copies - countRank(state.deal.hands[seat], row.rank));
      }
    }
  });

  it('unseen + my hand + played = 108, and unseen is exactly what the others hold (property)', () => {
    fc.assert(
      fc.property(fc.nat(240), fc.integer({ min: 1, max: 20 }), fc.constantFrom<Seat>(0, 1, 2, 3), (actions, seed, me) => {
        const { state } = randomMoment(`tracker-${seed}`, actions);
        const view = viewFor(state, me);
        const rows = trackerRows(view);
        const played = view.log.flatMap((entry) => entry.play?.cards ?? []);
        const unseen = rows.reduce((sum, row) => sum + row.unseen, 0);
        assert.equal(unseen + view.hand.length + played.length, 108);
        // Cards in other hands, and tribute cards handed in but not yet shown (they leave the giver's hand first).
        const elsewhere = [
          ...SEATS.filter((seat) => seat !== me).flatMap((seat) => state.deal.hands[seat]),
          ...(state.deal.tribute?.pending ?? []).filter((entry) => entry.seat !== me).map((entry) => entry.card),
        ];
        for (const row of rows) {
          assert.ok(row.unseen >= 0);
          const mine = state.deal.tribute?.pending.filter((entry) => entry.seat === me && rankOf(entry.card) === row.rank).length ?? 0;
          assert.equal(row.unseen, countRank(elsewhere, row.rank) + mine, `rank ${row.rank}`);
        }
      }),
      PROPERTY,
    );
  });
});
