/**
 * Tribute and return choices against RULES.md "Tribute": the giver pays their highest card by card order (never a
 * ♥ level card); the receiver returns a card of value 10 or lower with the level rank counted high, else their
 * lowest card.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EngineError,
  type EngineErrorCode,
  parseCards,
  RANKS,
  type Rules,
  returnOptions,
  tributeOptions,
} from '../src/index.js';

/** Choices compare as sets of distinct cards: order is not specified, duplicates are not wanted. */
const asSet = (cards: readonly string[]): string[] => [...cards].sort();

function assertTribute(hand: string, level: string, expected: string): void {
  const options = tributeOptions(parseCards(hand), level);
  assert.deepEqual(asSet(options), asSet(parseCards(expected)), `tribute from ${hand} at level ${level}`);
  assert.equal(new Set(options).size, options.length, `no duplicate choices: ${options.join(' ')}`);
}

function assertReturn(hand: string, level: string, expected: string, rules?: Partial<Rules>): void {
  const options = returnOptions(parseCards(hand), level, rules);
  assert.deepEqual(asSet(options), asSet(parseCards(expected)), `return from ${hand} at level ${level}`);
  assert.equal(new Set(options).size, options.length, `no duplicate choices: ${options.join(' ')}`);
}

function assertEngineError(action: () => unknown, code: EngineErrorCode): void {
  assert.throws(action, (error: unknown) => error instanceof EngineError && error.code === code);
}

/** One card of every natural rank (in rotating suits) and both jokers. */
const EVERY_RANK = [...RANKS.map((rank, i) => 'SCDH'[i % 4] + rank), 'SB', 'HR'];

describe('tributeOptions', () => {
  it('offers the highest card by card order', () => {
    assertTribute('S3 D9 SK CQ', '2', 'SK');
    assertTribute('S3 D9 SK SA', '2', 'SA');
    assertTribute('S3 S4 D5', 'K', 'D5');
  });

  it('the level card outranks A', () => {
    assertTribute('SA DK S5', '5', 'S5');
    assertTribute('SA CA D2 S3', '2', 'D2');
    assertTribute('SK SA CQ', 'Q', 'CQ');
  });

  it('the jokers outrank the level card, HR above SB', () => {
    assertTribute('S5 SA SB', '5', 'SB');
    assertTribute('S5 SA SB SB HR', '5', 'HR');
  });

  it('a lone HR must be given', () => {
    assertTribute('S3 S4 S5 HR', '2', 'HR');
    assertTribute('SB SB D2 HR H2', '2', 'HR');
  });

  it('never offers the ♥ level card (the wild), even when it is the highest card', () => {
    assertTribute('H5 SA DK', '5', 'SA');
    assertTribute('H5 H5 SQ', '5', 'SQ');
    assertTribute('H2 H2 S3', '2', 'S3');
  });

  it('other suits of the level rank may be given while holding the wild', () => {
    assertTribute('H5 C5 SA', '5', 'C5');
    assertTribute('H5 S5 C5 D5 SA', '5', 'S5 C5 D5');
  });

  it('offers every suit held of the top rank, so the giver chooses', () => {
    assertTribute('SA DA SK', '2', 'SA DA');
    assertTribute('SA DA SA CA HA SK', '7', 'SA DA CA HA');
    assertTribute('S9 D9 S8', '9', 'S9 D9');
  });

  it('two copies of the same card are one choice', () => {
    assertTribute('SA SA SK', '2', 'SA');
    assertTribute('HR HR SB', '2', 'HR');
  });

  it('follows the level: at level A the A is the level card, K the next natural rank', () => {
    assertTribute('SA SK CQ', 'A', 'SA');
    assertTribute('HA SK CQ', 'A', 'SK');
  });

  it('refuses a bad card or level', () => {
    assertEngineError(() => tributeOptions(['SA', 'ZZ'], '2'), 'BAD_CARD');
    assertEngineError(() => tributeOptions(['SA'], '1'), 'BAD_LEVEL');
  });
});

describe('returnOptions', () => {
  it('offers every card of value 10 or lower, counting the level rank high (level 2: 3 to 10)', () => {
    assertReturn(EVERY_RANK.join(' '), '2', 'C3 D4 H5 S6 C7 D8 H9 ST');
  });

  it('at level 5: 2, 3, 4 and 6 to 10, never a 5 of any suit', () => {
    assertReturn(`${EVERY_RANK.join(' ')} H5 D5`, '5', 'S2 C3 D4 S6 C7 D8 H9 ST');
  });

  it('at level 10 the 10 counts high, so only 9 or lower', () => {
    assertReturn(`${EVERY_RANK.join(' ')} DT`, 'T', 'S2 C3 D4 H5 S6 C7 D8 H9');
  });

  it('at level J, Q, K or A the 10 may be returned and the face cards may not', () => {
    for (const level of ['J', 'Q', 'K', 'A']) {
      assertReturn('SJ DQ CK HA ST', level, 'ST');
    }
  });

  it('never offers a joker, an A or a face card while a low card is held', () => {
    assertReturn('SB HR SA SK SQ SJ D4', '2', 'D4');
  });

  it('holding no card of value 10 or lower, offers the lowest card(s) by card order', () => {
    assertReturn('SJ DQ SK', '5', 'SJ');
    assertReturn('SJ DJ SQ HR', '5', 'SJ DJ');
    assertReturn('SB HR HR', '5', 'SB');
  });

  it('the lowest card counts the level rank high', () => {
    assertReturn('S5 SA', '5', 'SA');
    assertReturn('S2 SQ HR', '2', 'SQ');
    assertReturn('ST DJ', 'T', 'DJ');
    assertReturn('H5 SB', '5', 'H5');
  });

  it('two copies of the same card are one choice', () => {
    assertReturn('S3 S3 SA', '2', 'S3');
    assertReturn('SK SK SA', '2', 'SK');
  });

  it("with returnCap: 'any' offers every distinct card", () => {
    const any = { returnCap: 'any' } as const;
    assertReturn('SA SA HR S5 S3 H5', '5', 'SA HR S5 S3 H5', any);
    assertReturn(EVERY_RANK.join(' '), '2', EVERY_RANK.join(' '), any);
  });

  it('returnCap: 10 is the default', () => {
    assertReturn('SA HR S5 S3', '5', 'S3', { returnCap: 10 });
    assertReturn('SA HR S5 S3', '5', 'S3');
  });

  it('refuses a bad card, level or returnCap', () => {
    assertEngineError(() => returnOptions(['S3', 'S0'], '2'), 'BAD_CARD');
    assertEngineError(() => returnOptions(['S3'], 'Z'), 'BAD_LEVEL');
    assertEngineError(() => returnOptions(['S3'], '2', { returnCap: 'all' } as unknown as Partial<Rules>), 'BAD_RULES');
  });
});
