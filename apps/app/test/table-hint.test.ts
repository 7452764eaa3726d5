import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Action, applyAction, cardId, cardOrder, classify, isBomb, type MatchState, parseCards, type Play, rankIndex, type Seat } from '@guandan/engine';
import fc from 'fast-check';
import { hints, nextHint } from '../src/table/model/hint';
import { initialTableState, reduceServerMessage, type TableState } from '../src/table/model/table-state';
import { customTable, playMatch, randomMoment, ROOM_ID, stateUpdate } from './support/table-match';

const PROPERTY = { seed: 20_260_103, numRuns: 60 };

function tableOf(state: MatchState, me: Seat): TableState {
  return reduceServerMessage(initialTableState(ROOM_ID), stateUpdate(state, me, 0));
}

const SINGLE_FIVE: Play = { type: 'Single', rank: '5', cards: ['S5'] };

describe('hints', () => {
  it('following: a card that splits nothing first, then split groups, bombs last from the weakest', () => {
    const table = tableOf(customTable(0, parseCards('S6 C6 DK S7 C7 D7 H7 S3 D8 D8 C8 S8 C8'), SINGLE_FIVE), 0);
    const all = hints(table);
    assert.deepEqual(all[0], ['DK']);
    assert.deepEqual(all[1], ['S6'], 'then the lowest card that splits a pair');
    const bombs = all.filter((cards) => isBomb(classify(cards, '2')[0].type));
    assert.deepEqual(all.slice(-bombs.length), bombs, 'bombs come last');
    assert.deepEqual(bombs[0], parseCards('S7 H7 C7 D7'));
    assert.equal(bombs.at(-1)?.length, 5, 'the five-card bomb of eights is the strongest');
  });

  it('keeps the wild: a pair of nines before six with the wild', () => {
    const pairOfFives: Play = { type: 'Pair', rank: '5', cards: ['S5', 'C5'] };
    const all = hints(tableOf(customTable(0, parseCards('S9 C9 D6 H2 S3'), pairOfFives), 0));
    assert.deepEqual(all[0], ['S9', 'C9']);
    assert.ok(all.findIndex((cards) => cards.includes('H2')) > 0);
  });

  it('leading: the lowest whole group first', () => {
    const all = hints(tableOf(customTable(0, parseCards('S3 C3 S4 S5 D6 C7 S9 DK'), null), 0));
    assert.deepEqual(all[0], ['S3', 'C3']);
    assert.deepEqual(all[1], ['S4']);
  });

  it('cycles through the hints and has none while another seat acts', () => {
    const table = tableOf(customTable(0, parseCards('S6 C6 DK'), SINGLE_FIVE), 0);
    const all = hints(table);
    assert.equal(all.length, 2);
    assert.deepEqual([0, 1, 2, 3].map((press) => nextHint(table, press)), [all[0], all[1], all[0], all[1]]);
    const waiting = tableOf(customTable(0, parseCards('S6 C6 DK'), SINGLE_FIVE), 1);
    assert.deepEqual(hints(waiting), []);
    assert.equal(nextHint(waiting, 0), null);
  });

  it('nothing beats: no hint (only passing is left)', () => {
    const table = tableOf(customTable(0, parseCards('S3 C4'), SINGLE_FIVE), 0);
    assert.deepEqual(hints(table), []);
    assert.equal(table.legal.canPass, true);
  });

  it('tribute: the highest card; return: a low card that splits nothing', () => {
    const { steps } = playMatch('table-state-8');
    for (const step of steps.filter((candidate) => candidate.action.kind === 'tribute' || candidate.action.kind === 'return')) {
      const seat = (step.action as { seat: Seat }).seat;
      const table = tableOf(step.before, seat);
      const all = hints(table);
      assert.deepEqual([...all.map((cards) => cards[0])].sort(), [...table.legal.cards].sort());
      const level = rankIndex(step.before.deal.level);
      const order = (card: string): number => cardOrder(cardId(card), level);
      if (step.action.kind === 'tribute') {
        assert.equal(order(all[0][0]), Math.max(...table.legal.cards.map(order)));
      } else {
        const hand = step.before.deal.hands[seat];
        const alone = table.legal.cards.filter((card) => hand.filter((held) => held[1] === card[1]).length === 1);
        if (alone.length > 0) assert.equal(order(all[0][0]), Math.min(...alone.map(order)));
      }
    }
  });
});

describe('every hint is legal (property)', () => {
  it('hints are exactly the legal options, each accepted by the engine, plain plays before bombs', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.integer({ min: 1, max: 12 }), (actions, seed) => {
        const { state, seat } = randomMoment(`hint-${seed}`, actions);
        const table = tableOf(state, seat);
        const all = hints(table);
        const options = state.phase === 'play' ? table.legal.plays.length : table.legal.cards.length;
        assert.equal(all.length, options);
        for (const cards of all) {
          const action: Action =
            state.phase === 'play' ? { kind: 'play', seat, cards } : { kind: state.phase === 'tribute' ? 'tribute' : 'return', seat, card: cards[0] };
          assert.doesNotThrow(() => applyAction(state, action), `${action.kind} ${cards.join(' ')}`);
        }
        if (state.phase === 'play') {
          const bombs = all.map((cards) => table.legal.plays.find((play) => play.cards === cards)).map((play) => play !== undefined && isBomb(play.type));
          const firstBomb = bombs.indexOf(true);
          if (firstBomb >= 0) assert.ok(bombs.slice(firstBomb).every(Boolean));
        }
      }),
      PROPERTY,
    );
  });
});
