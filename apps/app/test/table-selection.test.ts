import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Card, cardId, cardOrder, fullDeck, parseCards, type Rank, RANKS, rankIndex } from '@guandan/engine';
import fc from 'fast-check';
import { displayHand } from '../src/table/model/hand';
import { cardLabel } from '../src/table/model/labels';
import {
  pruneSelection,
  selectByRank,
  selectedCards,
  selectionForCards,
  selectSpan,
  toggleCard,
} from '../src/table/model/selection';

/** fast-check from a fixed seed, so every run checks the same cases. */
const PROPERTY = { seed: 20_260_101, numRuns: 200 };

const sortedCopy = (cards: readonly Card[]): Card[] => [...cards].sort();

/** A hand drawn from the two decks (so a card may appear twice) and a level. */
const handAndLevel = fc.record({
  hand: fc.shuffledSubarray(fullDeck(), { minLength: 1, maxLength: 27 }),
  level: fc.constantFrom(...RANKS),
});

describe('the hand as displayed', () => {
  it('holds the highest card on the left: big joker, small joker, level cards, then A down to 2', () => {
    const hand = displayHand(parseCards('S3 HR D5 H7 SB SA S7 C2'), '7');
    assert.deepEqual(
      hand.map((card) => card.card),
      parseCards('HR SB S7 H7 SA D5 S3 C2'),
    );
    const wild = hand.find((card) => card.card === 'H7');
    assert.equal(wild?.isWild, true);
    assert.equal(wild?.isLevel, true);
    assert.equal(hand.find((card) => card.card === 'S7')?.isWild, false);
    assert.deepEqual(hand[0], { key: 'HR#0', card: 'HR', rankLabel: 'JOKER', suit: 'J', isLevel: false, isWild: false, red: true });
    assert.equal(hand[1].red, false);
  });

  it('labels ten as 10 and tells red suits', () => {
    const [ten] = displayHand(['DT'], '2');
    assert.deepEqual(ten, { key: 'DT#0', card: 'DT', rankLabel: '10', suit: 'D', isLevel: false, isWild: false, red: true });
    assert.equal(cardLabel('DT'), '♦10');
    assert.equal(cardLabel('SA'), '♠A');
    assert.equal(cardLabel('HR'), '大王');
    assert.equal(cardLabel('SB'), '小王');
  });

  it('numbers the two copies of a card', () => {
    const hand = displayHand(parseCards('SA D4 SA'), '2');
    assert.deepEqual(
      hand.map((card) => card.key),
      ['SA#0', 'SA#1', 'D4#0'],
    );
  });

  it('is the same cards, sorted by the engine card order, with unique keys (property)', () => {
    fc.assert(
      fc.property(handAndLevel, ({ hand, level }) => {
        const shown = displayHand(hand, level);
        assert.deepEqual(sortedCopy(shown.map((card) => card.card)), sortedCopy(hand));
        assert.equal(new Set(shown.map((card) => card.key)).size, hand.length);
        const order = shown.map((card) => cardOrder(cardId(card.card), rankIndex(level)));
        for (let i = 1; i < order.length; i++) assert.ok(order[i - 1] >= order[i]);
      }),
      PROPERTY,
    );
  });

  it('keeps the keys of the cards that stay when cards are played (property)', () => {
    fc.assert(
      fc.property(handAndLevel, fc.nat(), ({ hand, level }, pick) => {
        const before = displayHand(hand, level);
        const played = before[pick % before.length];
        // The last copy of a card goes, as the engine takes the first match and copies are interchangeable.
        const copies = before.filter((card) => card.card === played.card);
        const gone = copies[copies.length - 1].key;
        const rest = [...hand];
        rest.splice(rest.indexOf(played.card), 1);
        const after = displayHand(rest, level).map((card) => card.key);
        assert.deepEqual(after, before.map((card) => card.key).filter((key) => key !== gone));
      }),
      PROPERTY,
    );
  });
});

describe('selecting cards', () => {
  const hand = displayHand(parseCards('HR SB SB SA SA HA DK H2 S2 C9 D9 DT S3'), '2');
  const keys = hand.map((card) => card.key);

  it('toggles one card of two identical ones', () => {
    const one = toggleCard(new Set(), 'SA#1');
    assert.deepEqual([...one], ['SA#1']);
    assert.deepEqual(selectedCards(hand, one), ['SA']);
    const both = toggleCard(one, 'SA#0');
    assert.deepEqual(selectedCards(hand, both), ['SA', 'SA']);
    assert.deepEqual([...toggleCard(both, 'SA#1')], ['SA#0']);
  });

  it('a drag sets every card on the way to the opposite of the first card, in either direction', () => {
    const selected = selectSpan(hand, new Set(), 2, 5);
    assert.deepEqual([...selected].sort(), keys.slice(2, 6).sort());
    const backwards = selectSpan(hand, new Set(), 5, 2);
    assert.deepEqual([...backwards].sort(), keys.slice(2, 6).sort());
    // Starting on a selected card clears the span, including cards the drag passes that were not selected.
    const cleared = selectSpan(hand, new Set([keys[3], keys[4], keys[9]]), 3, 6);
    assert.deepEqual([...cleared], [keys[9]]);
    assert.equal(selectSpan(hand, new Set(), 1, 1).size, 1);
  });

  it('rank keys select the next card of that rank, then clear the rank', () => {
    let selection = selectByRank(hand, new Set(), 'a');
    assert.deepEqual(selectedCards(hand, selection), ['SA']);
    selection = selectByRank(hand, selection, 'A');
    assert.deepEqual(selectedCards(hand, selection), ['SA', 'SA']);
    selection = selectByRank(hand, selection, 'a');
    assert.deepEqual(selectedCards(hand, selection), ['SA', 'SA', 'HA']);
    selection = selectByRank(hand, toggleCard(selection, keys[0]), 'a');
    assert.deepEqual(selectedCards(hand, selection), ['HR']);
  });

  it('the level rank key takes the wild last, "w" takes jokers, "0" and "t" take tens', () => {
    let selection = selectByRank(hand, new Set(), '2');
    assert.deepEqual(selectedCards(hand, selection), ['S2']);
    selection = selectByRank(hand, selection, '2');
    assert.deepEqual(selectedCards(hand, selection), ['S2', 'H2']);
    assert.deepEqual(selectedCards(hand, selectByRank(hand, selectByRank(hand, new Set(), 'w'), 'W')), ['HR', 'SB']);
    assert.deepEqual(selectedCards(hand, selectByRank(hand, new Set(), '0')), ['DT']);
    assert.deepEqual(selectedCards(hand, selectByRank(hand, new Set(), 't')), ['DT']);
    const none = new Set<string>();
    assert.equal(selectByRank(hand, none, '5'), none, 'no card of that rank: unchanged');
    assert.equal(selectByRank(hand, none, 'x'), none, 'not a rank key: unchanged');
  });

  it('drops keys of cards no longer held', () => {
    const selection = new Set(['SA#1', 'C9#0', 'S3#0']);
    const after = displayHand(parseCards('HR SB SB SA HA DK H2 S2 C9 D9 DT S3'), '2');
    assert.deepEqual([...pruneSelection(after, selection)].sort(), ['C9#0', 'S3#0']);
    const unchanged = new Set(['C9#0']);
    assert.equal(pruneSelection(after, unchanged), unchanged);
  });

  it('selects the cards of a hint, each copy once (property)', () => {
    fc.assert(
      fc.property(handAndLevel, fc.infiniteStream(fc.boolean()), ({ hand, level }, picks) => {
        const shown = displayHand(hand, level);
        const wanted = hand.filter(() => picks.next().value);
        const selection = selectionForCards(shown, wanted);
        assert.equal(selection.size, wanted.length);
        assert.deepEqual(sortedCopy(selectedCards(shown, selection)), sortedCopy(wanted));
      }),
      PROPERTY,
    );
  });

  it('ignores hint cards that are not held', () => {
    assert.deepEqual([...selectionForCards(hand, ['SA', 'SA', 'SA', 'C5'])], ['SA#0', 'SA#1']);
  });
});

describe('level ranks', () => {
  it('marks every card of the level rank, and only the heart is wild', () => {
    for (const level of RANKS) {
      const shown = displayHand(['S' + level, 'H' + level, 'C' + level, 'D' + level].map((card) => card as Card), level as Rank);
      assert.ok(shown.every((card) => card.isLevel));
      assert.deepEqual(
        shown.filter((card) => card.isWild).map((card) => card.card),
        ['H' + level],
      );
    }
  });
});
