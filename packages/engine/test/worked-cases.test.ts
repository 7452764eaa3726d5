/**
 * The "Worked cases" of RULES.md, one test (or a few) per bullet. W is the ♥ level card (the wild).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { beats, classify, parseCards, type PlayType, returnOptions, tributeOptions } from '../src/index.js';
import { assertBeats, playOf, readingsOf } from './support/plays.js';

const sorted = (cards: readonly string[]): string[] => [...cards].sort();

describe('worked case: level 2 singles, trips and pairs with the wild', () => {
  const level = '2';

  it('H2 alone is a Single of the level rank', () => {
    assert.deepEqual(readingsOf('H2', level), ['Single 2']);
  });

  it('S9 C9 H2 is Trips of 9 (the wild stands for a 9)', () => {
    assert.deepEqual(readingsOf('S9 C9 H2', level), ['Trips 9']);
  });

  it('S9 C9 D2 is invalid (only the ♥ level card is wild)', () => {
    assert.deepEqual(readingsOf('S9 C9 D2', level), []);
  });

  it('SB H2 is invalid (the wild never stands for a joker)', () => {
    assert.deepEqual(readingsOf('SB H2', level), []);
  });

  it('SB SB and HR HR are pairs; SB HR is not', () => {
    assert.deepEqual(readingsOf('SB SB', level), ['Pair SB']);
    assert.deepEqual(readingsOf('HR HR', level), ['Pair HR']);
    assert.deepEqual(readingsOf('SB HR', level), []);
  });
});

describe('worked case: level 2 straight flush with the wild', () => {
  it('H3 H4 H5 H6 H2 is a StraightFlush with top 7 or top 6, strongest first', () => {
    assert.deepEqual(readingsOf('H3 H4 H5 H6 H2', '2'), ['StraightFlush 7', 'StraightFlush 6']);
  });
});

describe('worked case: level 6 straights (A high and low, no wrapping)', () => {
  const level = '6';

  it('SA H6 C3 D4 S5 is a Straight with top 5 (W stands for the 2)', () => {
    assert.deepEqual(readingsOf('SA H6 C3 D4 S5', level), ['Straight 5']);
  });

  it('ST HJ CQ DK SA is a Straight with top A', () => {
    assert.deepEqual(readingsOf('ST HJ CQ DK SA', level), ['Straight A']);
  });

  it('SJ HQ CK DA S2 is invalid (no wrapping past A)', () => {
    assert.deepEqual(readingsOf('SJ HQ CK DA S2', level), []);
  });
});

describe('worked case: level 6 ThreePair and TwoTrips', () => {
  const level = '6';

  it('SA DA S2 D2 S3 D3 is ThreePair top 3', () => {
    assert.deepEqual(readingsOf('SA DA S2 D2 S3 D3', level), ['ThreePair 3']);
  });

  it('SQ DQ SK DK SA DA is ThreePair top A', () => {
    assert.deepEqual(readingsOf('SQ DQ SK DK SA DA', level), ['ThreePair A']);
  });

  it('SK DK SA DA S2 D2 is invalid', () => {
    assert.deepEqual(readingsOf('SK DK SA DA S2 D2', level), []);
  });

  it('SA DA CA S2 D2 C2 is TwoTrips top 2', () => {
    assert.deepEqual(readingsOf('SA DA CA S2 D2 C2', level), ['TwoTrips 2']);
  });

  it('SK DK CK SA DA CA is TwoTrips top A', () => {
    assert.deepEqual(readingsOf('SK DK CK SA DA CA', level), ['TwoTrips A']);
  });
});

describe('worked case: level 2 single and pair order', () => {
  const level = '2';

  it('a single 2 (the level card) beats a single A', () => {
    assertBeats(playOf('S2', level, 'Single', '2'), playOf('SA', level, 'Single', 'A'), level);
  });

  it('SB beats the level card', () => {
    assertBeats(playOf('SB', level, 'Single', 'SB'), playOf('S2', level, 'Single', '2'), level);
    assertBeats(playOf('SB', level, 'Single', 'SB'), playOf('H2', level, 'Single', '2'), level);
  });

  it('HR beats SB', () => {
    assertBeats(playOf('HR', level, 'Single', 'HR'), playOf('SB', level, 'Single', 'SB'), level);
  });

  it('a pair of HR beats a pair of SB', () => {
    assertBeats(playOf('HR HR', level, 'Pair', 'HR'), playOf('SB SB', level, 'Pair', 'SB'), level);
  });
});

describe('worked case: level 2 bombs', () => {
  const level = '2';
  const straightFlushTenToAce = playOf('ST SJ SQ SK SA', level, 'StraightFlush', 'A');

  it('a 4-Bomb of 3 beats a pair of A', () => {
    assertBeats(playOf('S3 H3 C3 D3', level, 'Bomb', '3'), playOf('SA DA', level, 'Pair', 'A'), level);
  });

  it('StraightFlush 10-A beats a 5-Bomb of A', () => {
    assertBeats(straightFlushTenToAce, playOf('SA HA CA DA SA', level, 'Bomb', 'A'), level);
  });

  it('a 6-Bomb of 3 beats that StraightFlush', () => {
    assertBeats(playOf('S3 S3 H3 H3 C3 C3', level, 'Bomb', '3'), straightFlushTenToAce, level);
  });

  it('a 4-Bomb of 2 (the level rank) beats a 4-Bomb of A', () => {
    assertBeats(playOf('S2 C2 D2 S2', level, 'Bomb', '2'), playOf('SA HA CA DA', level, 'Bomb', 'A'), level);
  });

  it('JokerBomb beats a 10-card Bomb', () => {
    const tenCardBomb = playOf('S9 S9 H9 H9 C9 C9 D9 D9 H2 H2', level, 'Bomb', '9');
    assert.equal(tenCardBomb.cards.length, 10);
    assertBeats(playOf('SB SB HR HR', level, 'JokerBomb', 'JOKER'), tenCardBomb, level);
  });
});

describe('worked case: level 5 bomb ladder', () => {
  const level = '5';
  /** Ascending: each rung beats every rung before it. */
  const ladder: { name: string; cards: string; type: PlayType; rank: string }[] = [
    { name: '4x2', cards: 'S2 H2 C2 D2', type: 'Bomb', rank: '2' },
    { name: '4xA', cards: 'SA HA CA DA', type: 'Bomb', rank: 'A' },
    { name: '4x5', cards: 'S5 C5 D5 S5', type: 'Bomb', rank: '5' },
    { name: '5x2', cards: 'S2 H2 C2 D2 S2', type: 'Bomb', rank: '2' },
    { name: '5x5', cards: 'S5 C5 D5 S5 C5', type: 'Bomb', rank: '5' },
    { name: 'SF top 6', cards: 'S2 S3 S4 S5 S6', type: 'StraightFlush', rank: '6' },
    { name: 'SF top A', cards: 'DT DJ DQ DK DA', type: 'StraightFlush', rank: 'A' },
    { name: '6x3', cards: 'S3 S3 H3 H3 C3 C3', type: 'Bomb', rank: '3' },
    { name: '6x5', cards: 'S5 S5 C5 C5 D5 D5', type: 'Bomb', rank: '5' },
    { name: '7x2', cards: 'S2 S2 H2 H2 C2 C2 D2', type: 'Bomb', rank: '2' },
    { name: '8x2', cards: 'S2 S2 H2 H2 C2 C2 D2 D2', type: 'Bomb', rank: '2' },
    { name: '9x2', cards: 'S2 S2 H2 H2 C2 C2 D2 D2 H5', type: 'Bomb', rank: '2' },
    { name: '10x2', cards: 'S2 S2 H2 H2 C2 C2 D2 D2 H5 H5', type: 'Bomb', rank: '2' },
    { name: 'JokerBomb', cards: 'SB SB HR HR', type: 'JokerBomb', rank: 'JOKER' },
  ];

  it('every rung is read as the bomb it names, as its strongest reading', () => {
    for (const rung of ladder) {
      const [strongest] = classify(parseCards(rung.cards), level);
      assert.ok(strongest, `${rung.name} (${rung.cards}) should be a play`);
      assert.equal(`${strongest.type} ${strongest.rank}`, `${rung.type} ${rung.rank}`, rung.name);
    }
  });

  it('a higher rung beats a lower one, never the reverse, and no rung beats itself', () => {
    const plays = ladder.map((rung) => playOf(rung.cards, level, rung.type, rung.rank));
    for (let higher = 0; higher < plays.length; higher++) {
      for (let lower = 0; lower < plays.length; lower++) {
        const expected = higher > lower;
        assert.equal(
          beats(plays[higher], plays[lower], level),
          expected,
          `${ladder[higher].name} ${expected ? 'should' : 'should not'} beat ${ladder[lower].name}`,
        );
      }
    }
  });

  it('a 4-Bomb of the level rank does not beat a 5-Bomb', () => {
    assertBeats(playOf('S2 H2 C2 D2 S2', level, 'Bomb', '2'), playOf('S5 C5 D5 S5', level, 'Bomb', '5'), level);
  });
});

describe('worked case: level 2 straights with the wild', () => {
  const level = '2';

  it('S5 D6 C7 H2 H2 is a Straight with top 9, 8 or 7, strongest first', () => {
    assert.deepEqual(readingsOf('S5 D6 C7 H2 H2', level), ['Straight 9', 'Straight 8', 'Straight 7']);
  });

  it('SJ DQ CK SA H2 is a Straight with top A only', () => {
    assert.deepEqual(readingsOf('SJ DQ CK SA H2', level), ['Straight A']);
  });
});

describe('worked case: level 7 low straight', () => {
  it('SA D2 C3 S4 H7 is a Straight with top 5 only', () => {
    assert.deepEqual(readingsOf('SA D2 C3 S4 H7', '7'), ['Straight 5']);
  });
});

describe('worked case: tribute at level 2', () => {
  it('the only tribute is D2: the level card outranks A and both H2 are wild', () => {
    const hand = parseCards(
      'H3 D3 D4 H5 C5 S6 C6 D6 S7 S7 H7 D7 H8 C8 C8 H9 C9 HT DT HJ DQ HK DK SA H2 H2 D2',
    );
    assert.equal(hand.length, 27);
    assert.deepEqual(tributeOptions(hand, '2'), ['D2']);
  });
});

describe('worked case: return at level 5', () => {
  it('J, Q, K, A, jokers and every 5 are not returnable; 2, 3, 4 and 6 to 10 are', () => {
    const returnable = parseCards('S2 D3 C4 S6 H7 D8 C9 ST DT');
    const notReturnable = parseCards('SJ HQ DK CA SB HR S5 H5 D5');
    const hand = [...notReturnable, ...returnable];
    assert.deepEqual(sorted(returnOptions(hand, '5')), sorted(returnable));
  });
});
