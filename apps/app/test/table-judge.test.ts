import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Action, applyAction, type Card, classify, type MatchState, parseCards, type Play, type Seat } from '@guandan/engine';
import fc from 'fast-check';
import { judgeSelection } from '../src/table/model/judge';
import { initialTableState, reduceServerMessage, type TableState } from '../src/table/model/table-state';
import { customTable, playMatch, randomMoment, ROOM_ID, stateUpdate } from './support/table-match';

const PROPERTY = { seed: 20_260_102, numRuns: 60 };

function tableOf(state: MatchState, me: Seat): TableState {
  return reduceServerMessage(initialTableState(ROOM_ID), stateUpdate(state, me, 0));
}

const accepts = (state: MatchState, action: Action): boolean => {
  try {
    applyAction(state, action);
    return true;
  } catch {
    return false;
  }
};

const HAND = parseCards('S3 H3 S5 C5 S6 S7 S8 H2 D9 C9 SK SA HR');
const PAIR_OF_NINES: Play = { type: 'Pair', rank: '9', cards: parseCards('S9 H9') };

describe('judging a selection', () => {
  it('nothing selected', () => {
    assert.deepEqual(judgeSelection(tableOf(customTable(0, HAND, null), 0), []), { kind: 'empty' });
  });

  it('waits while another seat is to act', () => {
    assert.deepEqual(judgeSelection(tableOf(customTable(0, HAND, null), 1), ['S3']), { kind: 'waiting' });
    assert.deepEqual(judgeSelection(initialTableState(ROOM_ID), ['S3']), { kind: 'waiting' });
  });

  it('cards that make no combination', () => {
    assert.deepEqual(judgeSelection(tableOf(customTable(0, HAND, null), 0), parseCards('S3 S5')), {
      kind: 'invalid',
      reason: 'notACombination',
    });
  });

  it('a combination that does not beat the standing play names that play', () => {
    const table = tableOf(customTable(0, HAND, PAIR_OF_NINES), 0);
    assert.deepEqual(judgeSelection(table, parseCards('S5 C5')), { kind: 'invalid', reason: 'doesNotBeat', against: PAIR_OF_NINES });
    assert.deepEqual(judgeSelection(table, parseCards('S5 S6 S7 S8 D9')), { kind: 'invalid', reason: 'doesNotBeat', against: PAIR_OF_NINES });
  });

  it('a combination that beats it', () => {
    const table = tableOf(customTable(0, HAND, PAIR_OF_NINES), 0);
    assert.deepEqual(judgeSelection(table, parseCards('SA H2')), { kind: 'play', readings: [{ type: 'Pair', rank: 'A', cards: ['SA', 'H2'] }] });
  });

  it('a wild that fits two places gives two readings to choose from', () => {
    const judgement = judgeSelection(tableOf(customTable(0, HAND, null), 0), parseCards('S5 S6 S7 S8 H2'));
    assert.equal(judgement.kind, 'play');
    assert.deepEqual(
      judgement.kind === 'play' ? judgement.readings.map((play) => `${play.type} ${play.rank}`) : [],
      ['StraightFlush 9', 'StraightFlush 8'],
    );
    const fullHouse = judgeSelection(tableOf(customTable(0, HAND, null), 0), parseCards('S3 H3 S5 C5 H2'));
    assert.deepEqual(
      fullHouse.kind === 'play' ? fullHouse.readings.map((play) => `${play.type} ${play.rank}`) : fullHouse,
      ['ThreeWithTwo 5', 'ThreeWithTwo 3'],
    );
  });

  it('drops the readings that do not beat the standing play', () => {
    const standing: Play = { type: 'ThreeWithTwo', rank: '4', cards: parseCards('S4 H4 D4 ST HT') };
    const judgement = judgeSelection(tableOf(customTable(0, HAND, standing), 0), parseCards('S3 H3 S5 C5 H2'));
    assert.deepEqual(judgement, { kind: 'play', readings: [{ type: 'ThreeWithTwo', rank: '5', cards: parseCards('S3 H3 S5 C5 H2') }] });
  });

  it('never offers a reading the server did not list', () => {
    const table = tableOf(customTable(0, HAND, null), 0);
    const stale: TableState = { ...table, legal: { ...table.legal, plays: table.legal.plays.filter((play) => play.type !== 'Pair') } };
    assert.deepEqual(judgeSelection(stale, parseCards('D9 C9')), { kind: 'waiting' });
  });
});

describe('judging a tribute and a return', () => {
  const { steps } = playMatch('table-state-8');
  const tribute = steps.find((step) => step.action.kind === 'tribute');
  const giveBack = steps.find((step) => step.action.kind === 'return');

  for (const [name, step] of [
    ['tribute', tribute],
    ['return', giveBack],
  ] as const) {
    it(`${name}: one legal card, and why other selections are refused`, () => {
      assert.ok(step !== undefined && step.action.kind === name);
      const me = step.action.seat;
      const table = tableOf(step.before, me);
      const allowed = table.legal.cards;
      assert.ok(allowed.length > 0);
      for (const card of allowed) assert.deepEqual(judgeSelection(table, [card]), { kind: name, card });
      const hand = step.before.deal.hands[me];
      const refused = hand.find((card) => !allowed.includes(card));
      assert.ok(refused !== undefined);
      assert.deepEqual(judgeSelection(table, [refused]), { kind: 'invalid', reason: 'notATributeCard' });
      assert.deepEqual(judgeSelection(table, hand.slice(0, 2)), { kind: 'invalid', reason: 'oneCardOnly' });
    });
  }
});

describe('judging agrees with the engine (property)', () => {
  it('every listed play is offered, and every offered reading is accepted', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.integer({ min: 1, max: 12 }), fc.infiniteStream(fc.nat(99)), (actions, seed, picks) => {
        const { state, seat } = randomMoment(`judge-${seed}`, actions);
        const table = tableOf(state, seat);
        if (state.phase !== 'play') return;
        for (const play of table.legal.plays) {
          const judgement = judgeSelection(table, play.cards);
          assert.equal(judgement.kind, 'play');
          if (judgement.kind === 'play') assert.ok(judgement.readings.some((reading) => reading.type === play.type && reading.rank === play.rank));
        }
        const hand = state.deal.hands[seat];
        for (let attempt = 0; attempt < 30; attempt++) {
          const size = 1 + (picks.next().value % Math.min(6, hand.length));
          const cards: Card[] = hand.filter(() => picks.next().value < (size * 100) / hand.length).slice(0, size);
          if (cards.length === 0) continue;
          const judgement = judgeSelection(table, cards);
          if (judgement.kind === 'play') {
            for (const reading of judgement.readings) {
              assert.ok(accepts(state, { kind: 'play', seat, cards, reading: { type: reading.type, rank: reading.rank } }), cards.join(' '));
            }
          } else if (judgement.kind === 'invalid') {
            assert.equal(accepts(state, { kind: 'play', seat, cards }), false, cards.join(' '));
            assert.equal(judgement.reason === 'notACombination', classify(cards, state.deal.level, state.rules).length === 0);
          } else {
            assert.fail(`unexpected ${judgement.kind} for ${cards.join(' ')}`);
          }
        }
      }),
      PROPERTY,
    );
  });
});
