/**
 * classify and beats against the combination and beating rules of RULES.md, with property tests over random card
 * sets and random legal plays. W is the ♥ level card (the wild).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  beats,
  classify,
  EngineError,
  type EngineErrorCode,
  fullDeck,
  legalMoves,
  parseCards,
  type Play,
  type PlayType,
  RANKS,
  type Rules,
  resolveRules,
  returnOptions,
} from '../src/index.js';
import { assertBeats, playOf, readingsOf } from './support/plays.js';

/** A fixed seed keeps CI repeatable; change it locally to explore other cases. */
const FC_SEED = 20261125;

/** A play as a player would declare it, without asking the engine whether it is one. */
const declared = (type: PlayType, rank: string, cards: string): Play => ({ type, rank, cards: parseCards(cards) }) as Play;

/** Neither play beats the other. */
function assertNeitherBeats(a: Play, b: Play, level: string): void {
  const names = `${a.cards.join(' ')} and ${b.cards.join(' ')} at level ${level}`;
  assert.equal(beats(a, b, level), false, `${names}: the first should not beat the second`);
  assert.equal(beats(b, a, level), false, `${names}: the second should not beat the first`);
}

/** Plays listed weakest first: each beats every earlier one and none beats a later one. */
function assertAscending(plays: readonly Play[], level: string): void {
  for (let i = 0; i < plays.length; i++) {
    for (let j = 0; j < plays.length; j++) {
      const expected = i > j;
      assert.equal(
        beats(plays[i], plays[j], level),
        expected,
        `${plays[i].cards.join(' ')} ${expected ? 'should' : 'should not'} beat ${plays[j].cards.join(' ')}`,
      );
    }
  }
}

function assertEngineError(action: () => unknown, code: EngineErrorCode, messagePart?: string): void {
  assert.throws(action, (error: unknown) => {
    assert.ok(error instanceof EngineError, `expected an EngineError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (messagePart !== undefined) {
      assert.ok(error.message.includes(messagePart), `"${error.message}" should name ${messagePart}`);
    }
    return true;
  });
}

/** `count` (at most 8) cards of one natural rank: the four suits, then the four again from the second deck. */
function copiesOf(rank: string, count: number): string {
  assert.ok(count <= 8, 'two decks hold 8 cards of a rank');
  return 'SHCDSHCD'.slice(0, count).split('').map((suit) => suit + rank).join(' ');
}

const sorted = (items: readonly string[]): string[] => [...items].sort();

describe('Single', () => {
  it('any natural card is a Single of its rank', () => {
    assert.deepEqual(readingsOf('S9', '2'), ['Single 9']);
    assert.deepEqual(readingsOf('DA', '2'), ['Single A']);
    assert.deepEqual(readingsOf('C2', '7'), ['Single 2']);
    assert.deepEqual(readingsOf('HT', '2'), ['Single T']);
  });

  it('each joker is a Single of its own', () => {
    assert.deepEqual(readingsOf('SB', '2'), ['Single SB']);
    assert.deepEqual(readingsOf('HR', '2'), ['Single HR']);
  });

  it('the wild alone is a Single of the level rank, like any other level card', () => {
    assert.deepEqual(readingsOf('H7', '7'), ['Single 7']);
    assert.deepEqual(readingsOf('S7', '7'), ['Single 7']);
    assert.deepEqual(readingsOf('HA', 'A'), ['Single A']);
  });
});

describe('Pair', () => {
  it('two cards of one rank are a Pair, whatever the suits', () => {
    assert.deepEqual(readingsOf('S9 D9', '2'), ['Pair 9']);
    assert.deepEqual(readingsOf('S9 S9', '2'), ['Pair 9']);
    assert.deepEqual(readingsOf('SK HK', '5'), ['Pair K']);
  });

  it('two cards of different ranks are not a Pair', () => {
    assert.deepEqual(readingsOf('S9 D8', '2'), []);
    assert.deepEqual(readingsOf('SA S2', '2'), []);
  });

  it('SB SB and HR HR are pairs, SB HR is not', () => {
    assert.deepEqual(readingsOf('SB SB', '2'), ['Pair SB']);
    assert.deepEqual(readingsOf('HR HR', '2'), ['Pair HR']);
    assert.deepEqual(readingsOf('SB HR', '2'), []);
    assert.deepEqual(readingsOf('HR SB', '2'), []);
  });

  it('a joker and a natural card are not a Pair', () => {
    assert.deepEqual(readingsOf('SB S9', '2'), []);
    assert.deepEqual(readingsOf('HR SA', '2'), []);
  });

  it('the wild pairs with any natural card, and two wilds are a pair of the level rank', () => {
    assert.deepEqual(readingsOf('S9 H2', '2'), ['Pair 9']);
    assert.deepEqual(readingsOf('SA H2', '2'), ['Pair A']);
    assert.deepEqual(readingsOf('S2 H2', '2'), ['Pair 2']);
    assert.deepEqual(readingsOf('H2 H2', '2'), ['Pair 2']);
  });
});

describe('Trips', () => {
  it('three cards of one rank are Trips', () => {
    assert.deepEqual(readingsOf('S9 C9 D9', '2'), ['Trips 9']);
    assert.deepEqual(readingsOf('S2 C2 D2', '2'), ['Trips 2']);
  });

  it('one or two wilds complete Trips', () => {
    assert.deepEqual(readingsOf('S9 C9 H2', '2'), ['Trips 9']);
    assert.deepEqual(readingsOf('S9 H2 H2', '2'), ['Trips 9']);
  });

  it('three cards of two ranks are not Trips', () => {
    assert.deepEqual(readingsOf('S9 C9 D8', '2'), []);
    assert.deepEqual(readingsOf('S9 C9 D2', '2'), []);
  });

  it('jokers never make Trips', () => {
    assert.deepEqual(readingsOf('SB SB HR', '2'), []);
    assert.deepEqual(readingsOf('HR HR SB', '2'), []);
    assert.deepEqual(readingsOf('SB SB H2', '2'), []);
    assert.deepEqual(readingsOf('HR HR H2', '2'), []);
  });
});

describe('ThreeWithTwo', () => {
  it('a triple and a pair of another rank read as the triple', () => {
    assert.deepEqual(readingsOf('S9 C9 D9 S4 D4', '2'), ['ThreeWithTwo 9']);
    assert.deepEqual(readingsOf('S4 D4 S9 C9 D9', '2'), ['ThreeWithTwo 9']);
  });

  it('a triple of the level rank reads as the level rank', () => {
    assert.deepEqual(readingsOf('S2 C2 D2 S9 C9', '2'), ['ThreeWithTwo 2']);
  });

  it('a triple with two single cards, or four and one, is not ThreeWithTwo', () => {
    assert.deepEqual(readingsOf('S9 C9 D9 S4 S5', '2'), []);
    assert.deepEqual(readingsOf('S9 C9 D9 H9 S4', '2'), []);
    assert.deepEqual(readingsOf('S9 C9 S8 D8 S7', '2'), []);
  });

  it('a joker pair may be the pair', () => {
    assert.deepEqual(readingsOf('S9 C9 D9 SB SB', '2'), ['ThreeWithTwo 9']);
    assert.deepEqual(readingsOf('S9 C9 D9 HR HR', '2'), ['ThreeWithTwo 9']);
  });

  it('SB HR is no pair, so it cannot be the pair', () => {
    assert.deepEqual(readingsOf('S9 C9 D9 SB HR', '2'), []);
  });

  it('with fullHouseJokerPair: false a joker pair is not allowed, other pairs still are', () => {
    const noJokerPair = { fullHouseJokerPair: false };
    assert.deepEqual(readingsOf('S9 C9 D9 SB SB', '2', noJokerPair), []);
    assert.deepEqual(readingsOf('S9 C9 D9 HR HR', '2', noJokerPair), []);
    assert.deepEqual(readingsOf('S9 C9 D9 S4 D4', '2', noJokerPair), ['ThreeWithTwo 9']);
  });

  it('five of a kind is a Bomb, never ThreeWithTwo', () => {
    assert.deepEqual(readingsOf('S9 C9 D9 H9 S9', '2'), ['Bomb 9']);
  });

  it('S9 C9 D9 H2 H2 is a 5-Bomb of 9 or ThreeWithTwo of 9, the Bomb first', () => {
    assert.deepEqual(readingsOf('S9 C9 D9 H2 H2', '2'), ['Bomb 9', 'ThreeWithTwo 9']);
    const [bomb, fullHouse] = classify(parseCards('S9 C9 D9 H2 H2'), '2');
    assert.equal(bomb.cards.length, 5);
    assert.equal(fullHouse.cards.length, 5);
  });

  it('S8 D8 S9 D9 H2 is ThreeWithTwo of 9 or of 8, strongest first', () => {
    assert.deepEqual(readingsOf('S8 D8 S9 D9 H2', '2'), ['ThreeWithTwo 9', 'ThreeWithTwo 8']);
  });

  it('a wild completing only the pair gives one reading', () => {
    assert.deepEqual(readingsOf('S9 C9 D9 S4 H2', '2'), ['ThreeWithTwo 9']);
  });

  it('two wilds may complete the triple when a joker pair is the pair', () => {
    assert.deepEqual(readingsOf('S9 H2 H2 SB SB', '2'), ['ThreeWithTwo 9']);
  });

  it('the triple alone is compared, not the pair', () => {
    const level = '2';
    const ninesWithAces = playOf('S9 C9 D9 SA DA', level, 'ThreeWithTwo', '9');
    const ninesWithThrees = playOf('S9 C9 H9 S3 D3', level, 'ThreeWithTwo', '9');
    const eightsWithJokers = playOf('S8 C8 D8 HR HR', level, 'ThreeWithTwo', '8');
    const tensWithThrees = playOf('ST CT DT S3 D3', level, 'ThreeWithTwo', 'T');
    assertNeitherBeats(ninesWithAces, ninesWithThrees, level);
    assertBeats(ninesWithThrees, eightsWithJokers, level);
    assertBeats(tensWithThrees, ninesWithAces, level);
  });

  it('a triple of the level rank beats a triple of A', () => {
    const level = '5';
    const fivesOverThrees = playOf('S5 C5 D5 S3 D3', level, 'ThreeWithTwo', '5');
    assertBeats(fivesOverThrees, playOf('SA CA DA SK DK', level, 'ThreeWithTwo', 'A'), level);
  });
});

describe('Straight', () => {
  it('five consecutive ranks of mixed suits are a Straight keyed by the top card', () => {
    assert.deepEqual(readingsOf('S2 D3 C4 S5 D6', 'K'), ['Straight 6']);
    assert.deepEqual(readingsOf('S8 D9 CT SJ DQ', 'K'), ['Straight Q']);
  });

  it('A is high (10-J-Q-K-A) or low (A-2-3-4-5)', () => {
    assert.deepEqual(readingsOf('ST DJ CQ SK DA', '3'), ['Straight A']);
    assert.deepEqual(readingsOf('SA D2 C3 S4 D5', '7'), ['Straight 5']);
  });

  it('the cards may come in any order', () => {
    assert.deepEqual(readingsOf('D6 S2 S5 C4 D3', 'K'), ['Straight 6']);
  });

  it('does not wrap past A', () => {
    assert.deepEqual(readingsOf('SJ DQ CK SA D2', '7'), []);
    assert.deepEqual(readingsOf('SQ DK CA S2 D3', '7'), []);
    assert.deepEqual(readingsOf('SK DA C2 S3 D4', '7'), []);
  });

  it('has exactly five cards', () => {
    assert.deepEqual(readingsOf('S3 D4 C5 S6', 'K'), []);
    assert.deepEqual(readingsOf('S3 D4 C5 S6 D7 C8', 'K'), []);
    assert.deepEqual(readingsOf('S3 D4 C5 S6 D7 C8 S9', 'K'), []);
  });

  it('needs five different consecutive ranks, and no jokers', () => {
    assert.deepEqual(readingsOf('S3 D3 C4 S5 D6', 'K'), []);
    assert.deepEqual(readingsOf('S3 D4 C5 S6 D8', 'K'), []);
    assert.deepEqual(readingsOf('S3 D4 C5 S6 SB', 'K'), []);
    assert.deepEqual(readingsOf('S3 D4 C5 S6 HR', 'K'), []);
  });

  it('uses natural ranks: a non-wild level card sits at its own place', () => {
    assert.deepEqual(readingsOf('S3 D4 C5 S6 D7', '5'), ['Straight 7']);
    assert.deepEqual(readingsOf('S8 D9 CT SJ DQ', 'T'), ['Straight Q']);
  });

  it('wilds fill any gap or end, A low included', () => {
    assert.deepEqual(readingsOf('S3 D4 C5 H2 H2', '2'), ['Straight 7', 'Straight 6', 'Straight 5']);
    assert.deepEqual(readingsOf('S3 D4 C6 S7 H2', '2'), ['Straight 7']);
  });

  it('at level A the wild at its own place is the low A', () => {
    assert.deepEqual(readingsOf('S2 D3 C4 S5 HA', 'A'), ['Straight 6', 'Straight 5']);
  });

  it('a run of five in one suit is only a StraightFlush', () => {
    assert.deepEqual(readingsOf('S3 S4 S5 S6 S7', 'K'), ['StraightFlush 7']);
    assert.deepEqual(readingsOf('DT DJ DQ DK DA', '2'), ['StraightFlush A']);
    assert.deepEqual(readingsOf('CA C2 C3 C4 C5', '9'), ['StraightFlush 5']);
  });

  it('a one-suit run declared as a plain Straight is refused', () => {
    const mixedStraight = playOf('S2 D3 C4 S5 D6', 'K', 'Straight');
    assertEngineError(() => beats(declared('Straight', '7', 'S3 S4 S5 S6 S7'), mixedStraight, 'K'), 'BAD_PLAY');
  });

  it('A-2-3-4-5 is the lowest straight and 10-J-Q-K-A the highest', () => {
    const level = '3';
    const suits = ['S', 'D', 'C', 'S', 'D'];
    const tops = ['5', '6', '7', '8', '9', 'T', 'J', 'Q', 'K', 'A'];
    const straights = tops.map((top) => {
      const topIndex = RANKS.indexOf(top as (typeof RANKS)[number]);
      const ranks = [4, 3, 2, 1, 0].map((below) => RANKS[(topIndex - below + 13) % 13]);
      return playOf(ranks.map((rank, i) => suits[i] + rank).join(' '), level, 'Straight', top);
    });
    assertAscending(straights, level);
  });
});

describe('ThreePair', () => {
  it('three consecutive pairs are a ThreePair keyed by the top pair', () => {
    assert.deepEqual(readingsOf('S3 D3 S4 D4 S5 D5', 'K'), ['ThreePair 5']);
    assert.deepEqual(readingsOf('S5 D4 S3 D5 S4 D3', 'K'), ['ThreePair 5']);
  });

  it('A is low (AA2233) or high (QQKKAA)', () => {
    assert.deepEqual(readingsOf('SA DA S2 D2 S3 D3', 'K'), ['ThreePair 3']);
    assert.deepEqual(readingsOf('SQ DQ SK DK SA DA', '7'), ['ThreePair A']);
  });

  it('does not wrap past A (KKAA22 is no ThreePair)', () => {
    assert.deepEqual(readingsOf('SK DK SA DA S2 D2', '7'), []);
  });

  it('needs exactly three consecutive pairs', () => {
    assert.deepEqual(readingsOf('S3 D3 S4 D4 S6 D6', 'K'), []);
    assert.deepEqual(readingsOf('S3 D3 S4 D4', 'K'), []);
    assert.deepEqual(readingsOf('S3 D3 S4 D4 S5 D5 S6 D6', 'K'), []);
    assert.deepEqual(readingsOf('S3 D3 C3 S4 S5 D5', 'K'), []);
  });

  it('jokers are never part of one', () => {
    assert.deepEqual(readingsOf('SB SB HR HR S3 D3', 'K'), []);
  });

  it('a wild completes a pair', () => {
    assert.deepEqual(readingsOf('S3 D3 S4 D4 S5 H2', '2'), ['ThreePair 5']);
    assert.deepEqual(readingsOf('SA DA H2 H2 S3 D3', '2'), ['ThreePair 3']);
  });

  it('two wilds may make a pair at either end, and also read as TwoTrips', () => {
    const readings = readingsOf('S3 D3 S4 D4 H2 H2', '2');
    assert.deepEqual(sorted(readings), sorted(['ThreePair 5', 'ThreePair 4', 'TwoTrips 4']));
    assert.ok(readings.indexOf('ThreePair 5') < readings.indexOf('ThreePair 4'), `strongest first: ${readings.join(', ')}`);
  });

  it('compares by the top pair in natural order', () => {
    const level = '4';
    assertAscending(
      [
        playOf('SA DA S2 D2 S3 D3', level, 'ThreePair', '3'),
        playOf('S2 D2 S3 D3 S4 D4', level, 'ThreePair', '4'),
        playOf('S3 D3 S4 D4 S5 D5', level, 'ThreePair', '5'),
        playOf('SQ DQ SK DK SA DA', level, 'ThreePair', 'A'),
      ],
      level,
    );
  });
});

describe('TwoTrips', () => {
  it('two consecutive triples are TwoTrips keyed by the top triple', () => {
    assert.deepEqual(readingsOf('S3 D3 C3 S4 D4 C4', 'K'), ['TwoTrips 4']);
  });

  it('A is low (AAA222) or high (KKKAAA)', () => {
    assert.deepEqual(readingsOf('SA DA CA S2 D2 C2', 'K'), ['TwoTrips 2']);
    assert.deepEqual(readingsOf('SK DK CK SA DA CA', '7'), ['TwoTrips A']);
  });

  it('non-consecutive triples are not TwoTrips (no wrapping from K to 2)', () => {
    assert.deepEqual(readingsOf('SK DK CK S2 D2 C2', '7'), []);
    assert.deepEqual(readingsOf('S3 D3 C3 S5 D5 C5', 'K'), []);
  });

  it('needs exactly two triples', () => {
    assert.deepEqual(readingsOf('S3 D3 C3 S4 D4 C4 S5 D5 C5', 'K'), []);
    assert.deepEqual(readingsOf('S3 D3 C3 H3 S4 D4', 'K'), []);
  });

  it('a wild completes a triple', () => {
    assert.deepEqual(readingsOf('S3 D3 H2 S4 D4 C4', '2'), ['TwoTrips 4']);
  });

  it('compares by the top triple in natural order (AAA222 is the lowest)', () => {
    const level = '9';
    assertAscending(
      [
        playOf('SA DA CA S2 D2 C2', level, 'TwoTrips', '2'),
        playOf('S2 D2 C2 S3 D3 C3', level, 'TwoTrips', '3'),
        playOf('S8 D8 C8 S9 D9 C9', level, 'TwoTrips', '9'),
        playOf('SK DK CK SA DA CA', level, 'TwoTrips', 'A'),
      ],
      level,
    );
  });
});

describe('Bomb', () => {
  it('4 to 8 natural cards of one rank are a Bomb of that size', () => {
    for (let size = 4; size <= 8; size++) {
      const cards = copiesOf('9', size);
      assert.deepEqual(readingsOf(cards, '2'), ['Bomb 9'], cards);
    }
  });

  it('9 and 10 cards need the wilds', () => {
    assert.deepEqual(readingsOf(`${copiesOf('9', 8)} H2`, '2'), ['Bomb 9']);
    assert.deepEqual(readingsOf(`${copiesOf('9', 8)} H2 H2`, '2'), ['Bomb 9']);
    assert.deepEqual(readingsOf('S9 C9 H2 H2', '2'), ['Bomb 9']);
  });

  it('three cards are Trips, not a Bomb; more than ten cards are nothing', () => {
    assert.deepEqual(readingsOf('S9 C9 D9', '2'), ['Trips 9']);
    assert.deepEqual(readingsOf(`${copiesOf('9', 8)} ${copiesOf('8', 3)}`, '2'), []);
  });

  it('the level rank tops out at 8 cards (the wilds are two of them)', () => {
    assert.deepEqual(readingsOf(copiesOf('2', 8), '2'), ['Bomb 2']);
    const hand = parseCards(`${copiesOf('2', 8)} S3 D4`);
    const levelBombSizes = legalMoves(hand, '2', null)
      .filter((play) => play.type === 'Bomb' && play.rank === '2')
      .map((play) => play.cards.length);
    assert.equal(Math.max(...levelBombSizes), 8);
  });

  it('with maxBombSize: 8, 9 and 10 cards are no play and 8 still is a Bomb', () => {
    const eight = { maxBombSize: 8 } as const;
    assert.deepEqual(readingsOf(`${copiesOf('9', 8)} H2`, '2', eight), []);
    assert.deepEqual(readingsOf(`${copiesOf('9', 8)} H2 H2`, '2', eight), []);
    assert.deepEqual(readingsOf(copiesOf('9', 8), '2', eight), ['Bomb 9']);
    const hand = parseCards(`${copiesOf('9', 8)} H2 H2`);
    const bombs = legalMoves(hand, '2', null, eight).filter((play) => play.type === 'Bomb');
    const sizes = bombs.map((play) => play.cards.length);
    assert.equal(Math.max(...sizes), 8);
  });

  it('the ladder: 4 < 5 < StraightFlush < 6 < 7 < 8 < 9 < 10 < JokerBomb', () => {
    const level = '2';
    assertAscending(
      [
        playOf(copiesOf('A', 4), level, 'Bomb', 'A'),
        playOf(copiesOf('3', 5), level, 'Bomb', '3'),
        playOf('ST SJ SQ SK SA', level, 'StraightFlush', 'A'),
        playOf(copiesOf('3', 6), level, 'Bomb', '3'),
        playOf(copiesOf('3', 7), level, 'Bomb', '3'),
        playOf(copiesOf('3', 8), level, 'Bomb', '3'),
        playOf(`${copiesOf('3', 8)} H2`, level, 'Bomb', '3'),
        playOf(`${copiesOf('3', 8)} H2 H2`, level, 'Bomb', '3'),
        playOf('SB SB HR HR', level, 'JokerBomb', 'JOKER'),
      ],
      level,
    );
  });

  it('same-size bombs compare by card order, the level rank above A', () => {
    const level = '8';
    assertAscending(
      [
        playOf(copiesOf('2', 4), level, 'Bomb', '2'),
        playOf(copiesOf('7', 4), level, 'Bomb', '7'),
        playOf(copiesOf('9', 4), level, 'Bomb', '9'),
        playOf(copiesOf('A', 4), level, 'Bomb', 'A'),
        playOf('S8 C8 D8 S8', level, 'Bomb', '8'),
      ],
      level,
    );
  });

  it('straight flushes compare by top card in natural order', () => {
    const level = '6';
    assertAscending(
      [
        playOf('SA S2 S3 S4 S5', level, 'StraightFlush', '5'),
        playOf('D2 D3 D4 D5 D6', level, 'StraightFlush', '6'),
        playOf('C6 C7 C8 C9 CT', level, 'StraightFlush', 'T'),
        playOf('HT HJ HQ HK HA', level, 'StraightFlush', 'A'),
      ],
      level,
    );
  });
});

describe('JokerBomb', () => {
  it('SB SB HR HR is the JokerBomb', () => {
    assert.deepEqual(readingsOf('SB SB HR HR', '2'), ['JokerBomb JOKER']);
    assert.deepEqual(readingsOf('HR SB HR SB', 'A'), ['JokerBomb JOKER']);
  });

  it('needs all four jokers, never a wild', () => {
    assert.deepEqual(readingsOf('SB SB HR', '2'), []);
    assert.deepEqual(readingsOf('SB SB HR H2', '2'), []);
    assert.deepEqual(readingsOf('SB H2 HR HR', '2'), []);
    assert.deepEqual(readingsOf('SB SB HR HR S9', '2'), []);
  });

  it('beats everything, including the largest bomb and straight flush', () => {
    const level = '2';
    const jokerBomb = playOf('SB SB HR HR', level, 'JokerBomb');
    for (const [cards, type] of [
      [`${copiesOf('A', 8)} H2 H2`, 'Bomb'],
      ['HT HJ HQ HK HA', 'StraightFlush'],
      ['HR', 'Single'],
      ['HR HR', 'Pair'],
    ] as const) {
      assertBeats(jokerBomb, playOf(cards, level, type), level);
    }
  });
});

describe('the wild in every type', () => {
  const level = '2';
  const cases: { cards: string; readings: string[] }[] = [
    { cards: 'H2', readings: ['Single 2'] },
    { cards: 'SK H2', readings: ['Pair K'] },
    { cards: 'SK DK H2', readings: ['Trips K'] },
    { cards: 'SK DK H2 S4 D4', readings: ['ThreeWithTwo K', 'ThreeWithTwo 4'] },
    { cards: 'S9 DT CJ SQ H2', readings: ['Straight K', 'Straight Q'] },
    { cards: 'S9 D9 ST DT SJ H2', readings: ['ThreePair J'] },
    { cards: 'S9 D9 C9 ST DT H2', readings: ['TwoTrips T'] },
    { cards: 'S9 D9 C9 H2', readings: ['Bomb 9'] },
    { cards: 'C9 CT CJ CQ H2', readings: ['StraightFlush K', 'StraightFlush Q'] },
  ];
  for (const { cards, readings } of cases) {
    it(`${cards} is ${readings.join(' or ')}`, () => {
      assert.deepEqual(readingsOf(cards, level), readings);
    });
  }

  it('both wilds may be used in one play', () => {
    assert.deepEqual(readingsOf('S9 H2 H2', level), ['Trips 9']);
    assert.deepEqual(readingsOf('S9 CJ SQ H2 H2', level), ['Straight K', 'Straight Q']);
    assert.deepEqual(readingsOf('S9 C9 H2 H2', level), ['Bomb 9']);
  });

  it('never stands for a joker', () => {
    assert.deepEqual(readingsOf('SB H2', level), []);
    assert.deepEqual(readingsOf('HR H2', level), []);
    assert.deepEqual(readingsOf('SB SB HR H2', level), []);
    assert.deepEqual(readingsOf('S9 C9 D9 SB H2', level), []);
  });

  it('only the ♥ level card is wild', () => {
    assert.deepEqual(readingsOf('S9 D2', level), []);
    assert.deepEqual(readingsOf('S9 C9 C2', level), []);
    assert.deepEqual(readingsOf('S9 DT CJ SQ D2', level), []);
    assert.deepEqual(readingsOf('S9 H9', '9'), ['Pair 9']);
    assert.deepEqual(readingsOf('S8 H9', '9'), ['Pair 8']);
    assert.deepEqual(readingsOf('S8 H2', '9'), []);
  });
});

describe('readings', () => {
  it('are listed strongest first', () => {
    assert.deepEqual(readingsOf('S9 C9 D9 H2 H2', '2'), ['Bomb 9', 'ThreeWithTwo 9']);
    assert.deepEqual(readingsOf('S8 D8 S9 D9 H2', '2'), ['ThreeWithTwo 9', 'ThreeWithTwo 8']);
    assert.deepEqual(readingsOf('S5 D6 C7 H2 H2', '2'), ['Straight 9', 'Straight 8', 'Straight 7']);
  });

  it('each carries the same cards, in the order given', () => {
    const cards = parseCards('S9 C9 D9 H2 H2');
    for (const reading of classify(cards, '2')) assert.deepEqual(reading.cards, cards);
  });

  it('empty or more than ten cards are no play', () => {
    assert.deepEqual(classify([], '2'), []);
    assert.deepEqual(readingsOf(`${copiesOf('9', 8)} H2 H2 S3`, '2'), []);
  });

  it('cards that fit no type are no play', () => {
    assert.deepEqual(readingsOf('S3 D3 S4 D4', '2'), []);
    assert.deepEqual(readingsOf('S3 D4 C5 S6 D7 S8 D9', '2'), []);
    assert.deepEqual(readingsOf('SB HR S3', '2'), []);
  });
});

describe('errors', () => {
  it('parseCards names the bad card (BAD_CARD)', () => {
    assertEngineError(() => parseCards('S9 X9 D9'), 'BAD_CARD', 'X9');
    assertEngineError(() => parseCards('S9 S1'), 'BAD_CARD', 'S1');
    assertEngineError(() => parseCards(['S9', 'H10']), 'BAD_CARD', 'H10');
    assertEngineError(() => parseCards('SB RJ'), 'BAD_CARD', 'RJ');
  });

  it('parseCards accepts spaces, commas and arrays', () => {
    assert.deepEqual(parseCards('S9 C9,  HR'), ['S9', 'C9', 'HR']);
    assert.deepEqual(parseCards(['S9', 'SB']), ['S9', 'SB']);
  });

  it('classify names the bad card (BAD_CARD)', () => {
    assertEngineError(() => classify(['S9', 'Q9'], '2'), 'BAD_CARD', 'Q9');
    assertEngineError(() => classify(['S9', 'BJ'], '2'), 'BAD_CARD', 'BJ');
  });

  it('a bad level is BAD_LEVEL', () => {
    assertEngineError(() => classify(['S9'], '1'), 'BAD_LEVEL');
    assertEngineError(() => classify(['S9'], 'B'), 'BAD_LEVEL');
    assertEngineError(() => classify(['S9'], ''), 'BAD_LEVEL');
    const single = playOf('S9', '2', 'Single');
    assertEngineError(() => beats(single, single, 'X'), 'BAD_LEVEL');
    assertEngineError(() => legalMoves(['S9'], '0', null), 'BAD_LEVEL');
  });

  it('a bad rule option is BAD_RULES', () => {
    const badRules = (rules: Record<string, unknown>): Partial<Rules> => rules as Partial<Rules>;
    assertEngineError(() => classify(['S9'], '2', badRules({ maxBombSize: 9 })), 'BAD_RULES');
    assertEngineError(() => classify(['S9'], '2', badRules({ fullHouseJokerPair: 'no' })), 'BAD_RULES');
    const single = playOf('S9', '2', 'Single');
    assertEngineError(() => beats(single, single, '2', badRules({ maxBombSize: 12 })), 'BAD_RULES');
    assertEngineError(() => legalMoves(['S9'], '2', null, badRules({ maxBombSize: 4 })), 'BAD_RULES');
    assertEngineError(() => returnOptions(['S9'], '2', badRules({ returnCap: 9 })), 'BAD_RULES');
    assertEngineError(() => resolveRules(badRules({ maxBombSize: 9 })), 'BAD_RULES');
    assertEngineError(() => resolveRules(badRules({ noSuchOption: true })), 'BAD_RULES');
    assertEngineError(() => classify(['S9'], '2', badRules({ maxBombsize: 8 })), 'BAD_RULES');
  });

  it('beats refuses a play whose cards are not its declared reading (BAD_PLAY)', () => {
    const level = '2';
    const pairOfEights = playOf('S8 D8', level, 'Pair', '8');
    assertEngineError(() => beats(declared('Pair', '9', 'S9 C8'), pairOfEights, level), 'BAD_PLAY');
    assertEngineError(() => beats(declared('Pair', 'K', 'S9 C9'), pairOfEights, level), 'BAD_PLAY');
    assertEngineError(() => beats(pairOfEights, declared('Pair', '9', 'S9 C8'), level), 'BAD_PLAY');
    assertEngineError(() => beats(declared('Trips', '9', 'S9 C9'), pairOfEights, level), 'BAD_PLAY');
    assertEngineError(() => beats(declared('Straight', 'K', 'S2 D3 C4 S5 D6'), pairOfEights, level), 'BAD_PLAY');
    assertEngineError(() => beats(declared('Bomb', '9', 'S9 C9 D9 D2'), pairOfEights, level), 'BAD_PLAY');
    assertEngineError(() => beats(declared('Pair', 'SB', 'SB HR'), pairOfEights, level), 'BAD_PLAY');
    assertEngineError(() => beats(declared('Pair', 'XX', 'S9 C9'), pairOfEights, level), 'BAD_PLAY');
    const unknownType = { type: 'Flush', rank: '9', cards: ['S9'] } as unknown as Play;
    assertEngineError(() => beats(unknownType, pairOfEights, level), 'BAD_PLAY');
  });
});

describe('beats', () => {
  it('the same type and size with a higher key beats', () => {
    const level = '2';
    assertBeats(playOf('SK', level, 'Single'), playOf('DQ', level, 'Single'), level);
    assertBeats(playOf('S9 D9', level, 'Pair'), playOf('S8 D8', level, 'Pair'), level);
    assertBeats(playOf('S4 D4 C4', level, 'Trips'), playOf('S3 D3 C3', level, 'Trips'), level);
    assertBeats(playOf('S3 D4 C5 S6 D7', level, 'Straight'), playOf('S2 D3 C4 S5 D6', level, 'Straight'), level);
  });

  it('single order: HR > SB > level card > A > K > ... > 2, the level rank leaving its place', () => {
    const level = '7';
    const ascending = ['2', '3', '4', '5', '6', '8', '9', 'T', 'J', 'Q', 'K', 'A'].map((rank) => `S${rank}`);
    assertAscending([...ascending, 'D7', 'SB', 'HR'].map((card) => playOf(card, level, 'Single')), level);
  });

  it('the wild played alone equals any other level card', () => {
    assertNeitherBeats(playOf('H7', '7', 'Single'), playOf('C7', '7', 'Single'), '7');
    assertNeitherBeats(playOf('H7 H7', '7', 'Pair'), playOf('C7 D7', '7', 'Pair'), '7');
  });

  it('different types never beat each other unless one is a bomb', () => {
    const level = '2';
    const plays = [
      playOf('HR', level, 'Single'),
      playOf('SA DA', level, 'Pair'),
      playOf('SA DA CA', level, 'Trips'),
      playOf('SA DA CA SK DK', level, 'ThreeWithTwo'),
      playOf('ST DJ CQ SK DA', level, 'Straight'),
      playOf('SQ DQ SK DK SA DA', level, 'ThreePair'),
      playOf('SK DK CK SA DA CA', level, 'TwoTrips'),
    ];
    for (const a of plays) for (const b of plays) if (a !== b) assertNeitherBeats(a, b, level);
  });

  it('any bomb beats any non-bomb, and no non-bomb beats a bomb', () => {
    const level = '2';
    const nonBombs = [
      playOf('HR', level, 'Single'),
      playOf('HR HR', level, 'Pair'),
      playOf('S2 D2 C2', level, 'Trips'),
      playOf('SA DA CA HR HR', level, 'ThreeWithTwo'),
      playOf('ST DJ CQ SK DA', level, 'Straight'),
      playOf('SQ DQ SK DK SA DA', level, 'ThreePair'),
      playOf('SK DK CK SA DA CA', level, 'TwoTrips'),
    ];
    const bombs = [
      playOf('S3 D3 C3 H3', level, 'Bomb', '3'),
      playOf('SA S2 S3 S4 S5', level, 'StraightFlush', '5'),
      playOf('SB SB HR HR', level, 'JokerBomb'),
    ];
    for (const bomb of bombs) for (const other of nonBombs) assertBeats(bomb, other, level);
  });

  it('the same size but a different type does not beat (ThreePair and TwoTrips, Straight and ThreeWithTwo)', () => {
    const level = '2';
    const threePair = playOf('S3 D3 S4 D4 S5 D5', level, 'ThreePair');
    assertNeitherBeats(threePair, playOf('S3 D3 C3 S4 D4 C4', level, 'TwoTrips'), level);
    assertNeitherBeats(playOf('S3 D4 C5 S6 D7', level, 'Straight'), playOf('S8 D8 C8 S3 D3', level, 'ThreeWithTwo'), level);
  });

  it('equal never beats equal: suits do not break ties', () => {
    const level = '2';
    assertNeitherBeats(playOf('S9', level, 'Single'), playOf('D9', level, 'Single'), level);
    assertNeitherBeats(playOf('S9 D9', level, 'Pair'), playOf('C9 H9', level, 'Pair'), level);
    assertNeitherBeats(playOf('S3 D4 C5 S6 D7', level, 'Straight'), playOf('D3 C4 S5 D6 C7', level, 'Straight'), level);
    assertNeitherBeats(playOf('S9 D9 C9 H9', level, 'Bomb'), playOf('S9 D9 C9 D9', level, 'Bomb'), level);
    const spadeFlush = playOf('S3 S4 S5 S6 S7', level, 'StraightFlush');
    assertNeitherBeats(spadeFlush, playOf('D3 D4 D5 D6 D7', level, 'StraightFlush'), level);
    assertNeitherBeats(playOf('SB SB HR HR', level, 'JokerBomb'), playOf('HR SB SB HR', level, 'JokerBomb'), level);
  });

  it('a reading with the wild compares like the natural cards it stands for', () => {
    const level = '2';
    assertNeitherBeats(playOf('S9 H2', level, 'Pair'), playOf('C9 D9', level, 'Pair'), level);
    const wildAsSeven = playOf('S3 D4 C5 S6 H2', level, 'Straight', '7');
    assertNeitherBeats(wildAsSeven, playOf('D3 C4 S5 D6 C7', level, 'Straight'), level);
    assertBeats(wildAsSeven, playOf('S3 D4 C5 S6 H2', level, 'Straight', '6'), level);
  });
});

describe('properties', () => {
  const DECK = fullDeck();
  type NaturalRank = (typeof RANKS)[number];

  /** Either the whole two-deck pool, or only its jokers, hearts (so wilds) and five ranks from `start` on. */
  function poolOf(start: number, bunched: boolean): string[] {
    if (!bunched) return DECK;
    const nearby = new Set([0, 1, 2, 3, 4].map((offset) => RANKS[(start + offset) % 13]));
    return DECK.filter((card) => card === 'SB' || card === 'HR' || card[0] === 'H' || nearby.has(card[1] as NaturalRank));
  }

  /** A random hand of 5 to 20 cards, at most two copies of a card (each card is in the pool twice). */
  const handArbitrary = fc
    .record({ start: fc.nat({ max: 12 }), bunched: fc.boolean() })
    .chain(({ start, bunched }) => fc.shuffledSubarray(poolOf(start, bunched), { minLength: 5, maxLength: 20 }));

  /** Up to 12 cards drawn at random from two decks; mostly no play. */
  const randomCardSet = fc.record({ start: fc.nat({ max: 12 }), bunched: fc.boolean() }).chain(({ start, bunched }) =>
    fc.shuffledSubarray(poolOf(start, bunched), { minLength: 0, maxLength: 12 }),
  );

  /**
   * The cards of a legal play from a random hand (a random type first, so that rarer types come up), sometimes with
   * one card swapped for another from the deck.
   */
  const nearPlayCardSet = (level: string): fc.Arbitrary<string[]> =>
    fc
      .record({ hand: handArbitrary, typePick: fc.nat(), pick: fc.nat(), swap: fc.option(fc.tuple(fc.nat(), fc.nat())) })
      .map(({ hand, typePick, pick, swap }) => {
        const plays = legalMoves(hand, level, null);
        const types = [...new Set(plays.map((play) => play.type))];
        const ofType = plays.filter((play) => play.type === types[typePick % types.length]);
        const cards = [...ofType[pick % ofType.length].cards];
        const replacement = DECK[(swap?.[1] ?? 0) % DECK.length];
        const copiesHeld = cards.filter((card) => card === replacement).length;
        if (swap !== null && copiesHeld < 2) cards[swap[0] % cards.length] = replacement;
        return cards;
      });

  /** Card sets at a random level, from two decks: random draws, legal plays and near misses. */
  const cardSetArbitrary = fc
    .constantFrom(...RANKS)
    .chain((level) => fc.record({ level: fc.constant(level), cards: fc.oneof(randomCardSet, nearPlayCardSet(level)) }));

  it('every reading of a card set has exactly the cards classified', () => {
    fc.assert(
      fc.property(cardSetArbitrary, ({ level, cards }) => {
        for (const reading of classify(cards, level)) assert.deepEqual(reading.cards, cards);
      }),
      { numRuns: 2000, seed: FC_SEED },
    );
  });

  it('readings are valid plays, none beats itself, and none beats an earlier (stronger) one', () => {
    fc.assert(
      fc.property(cardSetArbitrary, ({ level, cards }) => {
        const readings = classify(cards, level);
        for (let i = 0; i < readings.length; i++) {
          assert.equal(beats(readings[i], readings[i], level), false);
          for (let j = i + 1; j < readings.length; j++) {
            assert.equal(beats(readings[j], readings[i], level), false, `${JSON.stringify(readings)} not strongest first`);
          }
        }
      }),
      { numRuns: 2000, seed: FC_SEED },
    );
  });

  it('beats is irreflexive and asymmetric over legal plays', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RANKS),
        handArbitrary,
        handArbitrary,
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 30 }),
        (level, handA, handB, picks) => {
          const playsA = legalMoves(handA, level, null);
          const playsB = legalMoves(handB, level, null);
          for (const [i, j] of picks) {
            const a = playsA[i % playsA.length];
            const b = playsB[j % playsB.length];
            assert.equal(beats(a, a, level), false, `${JSON.stringify(a)} beats itself`);
            const both = beats(a, b, level) && beats(b, a, level);
            assert.ok(!both, `${JSON.stringify(a)} and ${JSON.stringify(b)} beat each other`);
          }
        },
      ),
      { numRuns: 1000, seed: FC_SEED },
    );
  });

  it('every legal play on lead classifies to a reading of the same type and rank', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RANKS), handArbitrary, (level, hand) => {
        for (const play of legalMoves(hand, level, null)) {
          const readings = classify(play.cards, level);
          const names = readings.map((reading) => `${reading.type} ${reading.rank}`);
          assert.ok(
            readings.some((reading) => reading.type === play.type && reading.rank === play.rank),
            `${JSON.stringify(play)} at level ${level} reads only as ${JSON.stringify(names)}`,
          );
        }
      }),
      { numRuns: 1000, seed: FC_SEED },
    );
  });
});
