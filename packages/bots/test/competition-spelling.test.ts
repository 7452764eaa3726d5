import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  type Card,
  classify,
  fullDeck,
  type LogEntry,
  type Play,
  RANKS,
  rankIndex,
  type Rank,
  type SeatView,
  startMatch,
  viewFor,
} from '@guandan/engine';
import { protocolOptions } from '../src/competition/action-list.js';
import { ClientTable } from '../src/competition/client-table.js';
import { actMessage, backNotify, tributeNotify } from '../src/competition/messages.js';
import { notificationsFor } from '../src/competition/notifications.js';
import { indexOfAction, playToTuple, tupleToPlay } from '../src/competition/tuples.js';

type Json = Record<string, unknown>;

const FC_SEED = 20260514;

/** A level at which no card below is wild (no H8), so each play has the reading declared for it. */
const LEVEL = '8';

/** Each play's spelling on the platform (COMPETITION_PROTOCOL.md), written out as the bots receive it. */
const SPELLINGS: { name: string; play: Play; wire: string }[] = [
  { name: 'a small joker single', play: { type: 'Single', rank: 'SB', cards: ['SB'] }, wire: '["Single","B",["SB"]]' },
  { name: 'a big joker single', play: { type: 'Single', rank: 'HR', cards: ['HR'] }, wire: '["Single","R",["HR"]]' },
  { name: 'a small joker pair', play: { type: 'Pair', rank: 'SB', cards: ['SB', 'SB'] }, wire: '["Pair","B",["SB","SB"]]' },
  { name: 'a big joker pair', play: { type: 'Pair', rank: 'HR', cards: ['HR', 'HR'] }, wire: '["Pair","R",["HR","HR"]]' },
  {
    name: 'A2345',
    play: { type: 'Straight', rank: '5', cards: ['HA', 'S2', 'C3', 'D4', 'H5'] },
    wire: '["Straight","A",["HA","S2","C3","D4","H5"]]',
  },
  {
    name: 'TJQKA',
    play: { type: 'Straight', rank: 'A', cards: ['ST', 'HJ', 'CQ', 'DK', 'HA'] },
    wire: '["Straight","T",["ST","HJ","CQ","DK","HA"]]',
  },
  {
    name: 'a three-pair run ending at A',
    play: { type: 'ThreePair', rank: 'A', cards: ['SQ', 'HQ', 'SK', 'HK', 'SA', 'CA'] },
    wire: '["ThreePair","Q",["SQ","HQ","SK","HK","SA","CA"]]',
  },
  {
    name: 'AA2233',
    play: { type: 'ThreePair', rank: '3', cards: ['SA', 'HA', 'S2', 'H2', 'S3', 'D3'] },
    wire: '["ThreePair","A",["SA","HA","S2","H2","S3","D3"]]',
  },
  {
    name: 'a two-trips',
    play: { type: 'TwoTrips', rank: 'T', cards: ['S9', 'H9', 'C9', 'ST', 'HT', 'DT'] },
    wire: '["TwoTrips","9",["S9","H9","C9","ST","HT","DT"]]',
  },
  {
    name: 'AAA222',
    play: { type: 'TwoTrips', rank: '2', cards: ['SA', 'HA', 'CA', 'S2', 'H2', 'D2'] },
    wire: '["TwoTrips","A",["SA","HA","CA","S2","H2","D2"]]',
  },
  {
    name: 'a straight flush',
    play: { type: 'StraightFlush', rank: 'K', cards: ['H9', 'HT', 'HJ', 'HQ', 'HK'] },
    wire: '["StraightFlush","9",["H9","HT","HJ","HQ","HK"]]',
  },
  {
    name: 'the joker bomb',
    play: { type: 'JokerBomb', rank: 'JOKER', cards: ['SB', 'SB', 'HR', 'HR'] },
    wire: '["Bomb","JOKER",["SB","SB","HR","HR"]]',
  },
  {
    name: 'a three-with-two',
    play: { type: 'ThreeWithTwo', rank: '7', cards: ['S7', 'H7', 'C7', 'S9', 'D9'] },
    wire: '["ThreeWithTwo","7",["S7","H7","C7","S9","D9"]]',
  },
  { name: 'a bomb', play: { type: 'Bomb', rank: '9', cards: ['H9', 'H9', 'C9', 'D9'] }, wire: '["Bomb","9",["H9","H9","C9","D9"]]' },
];

const playOf = (name: string): Play => {
  const spelling = SPELLINGS.find((entry) => entry.name === name);
  if (spelling === undefined) throw new Error(`no spelling named ${name}`);
  return spelling.play;
};

/** Seat 0's view in a fresh match, with the hand, level and trick given (the engine's own view, so every field is real). */
function viewOf(hand: Card[], level: Rank, trick: SeatView['trick']): SeatView {
  const view = viewFor(startMatch({ seed: 1 }).state, 0);
  return { ...view, hand, level, trick, turn: 0, actors: [0] };
}

const parsed = (message: unknown): Json => JSON.parse(JSON.stringify(message)) as Json;

describe('competition tuples in the platform spelling', () => {
  test('the test plays are what the engine reads in their cards', () => {
    for (const { name, play } of SPELLINGS) {
      const readings = classify(play.cards, LEVEL);
      assert.ok(readings.some((reading) => reading.type === play.type && reading.rank === play.rank), name);
    }
  });

  test('the host spells each play exactly as the platform does', () => {
    for (const { name, play, wire } of SPELLINGS) assert.equal(JSON.stringify(playToTuple(play)), wire, name);
  });

  test('a play notify carries the spelling as curAction and greaterAction', () => {
    const state = startMatch({ seed: 1 }).state;
    for (const { name, play, wire } of SPELLINGS) {
      const sent = notificationsFor(state, state, [{ kind: 'played', seat: 1, play }]);
      assert.deepEqual(
        sent.map(({ to, message }) => [to, JSON.stringify(message)]),
        [['all', `{"type":"notify","stage":"play","curPos":1,"curAction":${wire},"greaterPos":1,"greaterAction":${wire}}`]],
        name,
      );
    }
  });

  test('our client reads each spelling back as the engine play, whatever level it last heard', () => {
    for (const { name, play, wire } of SPELLINGS) {
      for (const level of [LEVEL, '2', 'A']) assert.deepEqual(tupleToPlay(JSON.parse(wire), level), play, `${name} at ${level}`);
    }
  });

  test('tribute and back results name the card itself (a big joker is HR)', () => {
    const exchange = { from: 3 as const, to: 0 as const, card: 'HR' };
    assert.equal(JSON.stringify(tributeNotify([exchange])), '{"type":"notify","stage":"tribute","result":[[3,0,"HR"]]}');
    assert.equal(JSON.stringify(backNotify([{ from: 0, to: 3, card: 'S3' }])), '{"type":"notify","stage":"back","result":[[0,3,"S3"]]}');
  });

  test('a lead act lists joker singles, pairs and the joker bomb in the platform spelling', () => {
    const view = viewOf(['SB', 'SB', 'HR', 'HR'], LEVEL, { leader: 0, lastPlay: null, lastSeat: null, passes: 0 });
    const options = protocolOptions(view);
    const act = parsed(actMessage(view, [], options.map((option) => option.tuple)));
    assert.deepEqual(act.actionList, [
      ['Single', 'B', ['SB']],
      ['Single', 'R', ['HR']],
      ['Pair', 'B', ['SB', 'SB']],
      ['Pair', 'R', ['HR', 'HR']],
      ['Bomb', 'JOKER', ['SB', 'SB', 'HR', 'HR']],
    ]);
    assert.equal(act.curAction, null);
    assert.equal(act.greaterAction, null);
  });

  test('a follow act spells curAction, greaterAction, playArea and actionList, and our client reads it back', () => {
    const lowStraight = playOf('A2345');
    const straightFlush = playOf('a straight flush');
    const jokerBomb = playOf('the joker bomb');
    const trick: LogEntry[] = [
      { seat: 1, play: lowStraight },
      { seat: 2, play: straightFlush },
      { seat: 3, play: null },
    ];
    const hand = ['SB', 'SB', 'HR', 'HR', 'S2', 'S3'];
    const view = { ...viewOf(hand, LEVEL, { leader: 1, lastPlay: straightFlush, lastSeat: 2, passes: 1 }), log: trick };
    const options = protocolOptions(view);
    const act = parsed(actMessage(view, trick, options.map((option) => option.tuple)));
    assert.deepEqual(
      { curPos: act.curPos, curAction: act.curAction, greaterPos: act.greaterPos, greaterAction: act.greaterAction },
      {
        curPos: 3,
        curAction: ['PASS', 'PASS', 'PASS'],
        greaterPos: 2,
        greaterAction: ['StraightFlush', '9', ['H9', 'HT', 'HJ', 'HQ', 'HK']],
      },
    );
    assert.deepEqual(
      (act.publicInfo as Json[]).map((info) => info.playArea),
      [null, ['Straight', 'A', ['HA', 'S2', 'C3', 'D4', 'H5']], ['StraightFlush', '9', ['H9', 'HT', 'HJ', 'HQ', 'HK']], ['PASS', 'PASS', 'PASS']],
    );
    assert.deepEqual(act.actionList, [['PASS', 'PASS', 'PASS'], ['Bomb', 'JOKER', ['SB', 'SB', 'HR', 'HR']]]);

    // The same deal as our client hears it, from literal messages; its level is still the default 2 until the act.
    const table = new ClientTable();
    const heard = [
      `{"type":"notify","stage":"beginning","handCards":${JSON.stringify(hand)},"myPos":0}`,
      '{"type":"notify","stage":"play","curPos":1,"curAction":["Straight","A",["HA","S2","C3","D4","H5"]],"greaterPos":1,"greaterAction":["Straight","A",["HA","S2","C3","D4","H5"]]}',
      '{"type":"notify","stage":"play","curPos":2,"curAction":["StraightFlush","9",["H9","HT","HJ","HQ","HK"]],"greaterPos":2,"greaterAction":["StraightFlush","9",["H9","HT","HJ","HQ","HK"]]}',
      '{"type":"notify","stage":"play","curPos":3,"curAction":["PASS","PASS","PASS"],"greaterPos":2,"greaterAction":["StraightFlush","9",["H9","HT","HJ","HQ","HK"]]}',
    ];
    for (const text of heard) table.notify(JSON.parse(text) as Json);
    const seen = table.viewForAct(act);
    assert.ok(seen !== null);
    assert.deepEqual(seen.log, trick);
    assert.deepEqual(seen.trick, { leader: 1, lastPlay: straightFlush, lastSeat: 2, passes: 1 });
    const bomb = { kind: 'play' as const, seat: 0 as const, cards: jokerBomb.cards, reading: { type: jokerBomb.type, rank: jokerBomb.rank } };
    assert.equal(indexOfAction(act.actionList as unknown[], bomb), 1);
  });
});

describe('competition tuples, every legal play of random hands', () => {
  const JOKERS = ['SB', 'SB', 'HR', 'HR'];
  const NATURALS = fullDeck().filter((card) => !JOKERS.includes(card));
  /** Up to 27 cards; the jokers drawn apart so that joker pairs and the joker bomb come up often. */
  const handArbitrary = fc
    .tuple(fc.shuffledSubarray(NATURALS, { minLength: 1, maxLength: 23 }), fc.subarray(JOKERS))
    .map(([naturals, jokers]) => [...naturals, ...jokers]);

  /** The lowest rank of a sequence without wilds, read off its cards as the protocol defines it (A is 1 beside a 2). */
  function lowestCard(cards: readonly Card[]): Rank {
    const ranks = cards.map((card) => card.slice(1) as Rank);
    if (ranks.includes('A') && ranks.includes('2')) return 'A';
    return ranks.reduce((low, rank) => (rankIndex(rank) < rankIndex(low) ? rank : low));
  }

  test('host -> client gives back the same engine play, listed at the index our client picks', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RANKS), handArbitrary, fc.constantFrom(...RANKS), (level, hand, staleLevel) => {
        const view = viewOf(hand, level, { leader: 0, lastPlay: null, lastSeat: null, passes: 0 });
        const options = protocolOptions(view);
        const act = parsed(actMessage(view, [], options.map((option) => option.tuple)));
        const list = act.actionList as unknown[][];
        assert.equal(list.length, options.length);
        options.forEach((option, index) => {
          assert.ok(option.action.kind === 'play' && option.action.reading !== undefined);
          const play: Play = { ...option.action.reading, cards: option.action.cards };
          const [type, rank, cards] = list[index];
          assert.notEqual(type, 'JokerBomb');
          assert.ok(rank !== 'SB' && rank !== 'HR', `joker ranks are B and R: ${JSON.stringify(list[index])}`);
          const wild = `H${level}`;
          const sequence = type === 'Straight' || type === 'StraightFlush' || type === 'ThreePair' || type === 'TwoTrips';
          if (sequence && !(cards as Card[]).includes(wild)) assert.equal(rank, lowestCard(cards as Card[]), JSON.stringify(list[index]));
          assert.deepEqual(tupleToPlay(list[index], level), play);
          assert.deepEqual(tupleToPlay(list[index], staleLevel), play, 'the spelling is read without the level');
          assert.equal(indexOfAction(list, option.action), index);
        });
      }),
      { numRuns: 150, seed: FC_SEED },
    );
  });

  test('a play notify our client hears goes into its record as the engine play', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RANKS), handArbitrary, fc.nat(), (level, hand, pick) => {
        const plays = protocolOptions(viewOf(hand, level, { leader: 1, lastPlay: null, lastSeat: null, passes: 0 }));
        const option = plays[pick % plays.length];
        assert.ok(option.action.kind === 'play' && option.action.reading !== undefined);
        const play: Play = { ...option.action.reading, cards: option.action.cards };
        const state = startMatch({ seed: 1 }).state;
        const table = new ClientTable();
        table.notify({ type: 'notify', stage: 'beginning', handCards: [], myPos: 2 });
        for (const { message } of notificationsFor(state, state, [{ kind: 'played', seat: 1, play }])) table.notify(parsed(message));
        const act = parsed(actMessage(viewOf([], level, { leader: 1, lastPlay: play, lastSeat: 1, passes: 0 }), [{ seat: 1, play }], []));
        const seen = table.viewForAct(act);
        assert.ok(seen !== null);
        assert.deepEqual(seen.log, [{ seat: 1, play }]);
        assert.deepEqual(seen.trick.lastPlay, play);
      }),
      { numRuns: 300, seed: FC_SEED },
    );
  });
});
