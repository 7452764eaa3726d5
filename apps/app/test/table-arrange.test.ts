import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Card, fullDeck, parseCards, type Rank, RANKS } from '@guandan/engine';
import fc from 'fast-check';
import { arrangeHand, columnOrder, type HandColumn } from '../src/table/model/arrange';
import {
  ARRANGEMENT_STORAGE_KEY,
  findStoredArrangement,
  parseStoredArrangements,
  type StoredArrangement,
  storeArrangement,
  toStoredGroups,
} from '../src/table/model/arrangement-store';
import { type Arrangement, canPressArrange, carryArrangement, fitArrangement, NO_ARRANGEMENT, pressArrange } from '../src/table/model/arrangement';
import { displayHand, type HandCard } from '../src/table/model/hand';
import { findStraightFlushes } from '../src/table/model/straight-flushes';

/** fast-check from a fixed seed, so every run checks the same cases. */
const PROPERTY = { seed: 20_261_207, numRuns: 300 };

const hand = (text: string, level: Rank = '2'): HandCard[] => displayHand(parseCards(text), level);
const keysOf = (cards: readonly HandCard[]): string[] => cards.map((card) => card.key);
const cardsOf = (cards: readonly HandCard[]): string => cards.map((card) => card.card).join(' ');
const columnsText = (columns: readonly HandColumn[]): string[] => columns.map((column) => `${column.kind}:${cardsOf(column.cards)}`);
const sortedCards = (cards: readonly string[]): string => [...cards].sort().join(' ');
const cardOfKey = (key: string): string => key.slice(0, key.indexOf('#'));

/** A hand drawn from the two decks, a level, and a few 理牌 presses (each a set of hand positions; empty: nothing selected). */
const arrangedHand = fc
  .record({
    drawn: fc.shuffledSubarray(fullDeck(), { minLength: 1, maxLength: 27 }),
    // Often a straight flush too: random hands rarely hold one.
    flush: fc.option(fc.record({ suit: fc.constantFrom('S', 'H', 'C', 'D'), low: fc.nat({ max: 8 }) })),
    level: fc.constantFrom(...RANKS),
    // An empty press toggles the straight flushes.
    presses: fc.array(fc.oneof(fc.constant([]), fc.array(fc.nat({ max: 26 }), { minLength: 1, maxLength: 8 })), { maxLength: 6 }),
  })
  .map(({ drawn, flush, level, presses }) => {
    const run = flush === null ? [] : RANKS.slice(flush.low, flush.low + 5).map((rank) => `${flush.suit}${rank}`);
    // At most two copies of a card (two decks) and 27 cards.
    const cards = [...run, ...drawn].filter((card, at, all) => all.slice(0, at).filter((other) => other === card).length < 2).slice(0, 27);
    const held = displayHand(cards, level);
    const arrangement = presses.reduce<Arrangement>(
      (current, positions) => pressArrange(current, held, new Set(positions.filter((at) => at < held.length).map((at) => held[at].key))),
      NO_ARRANGEMENT,
    );
    return { cards, level, held, arrangement };
  });

/** Suits-only straight flush hands: a suit's cards at random, so runs overlap, repeat and touch the ace. */
const oneSuitHand = fc.record({
  suit: fc.constantFrom('S', 'H', 'C', 'D'),
  ranks: fc.array(fc.constantFrom(...RANKS), { maxLength: 20 }),
  level: fc.constantFrom(...RANKS),
});

describe('理牌: the hand by rank', () => {
  it('stacks each rank in a column, highest on the left, marking bombs and the four jokers', () => {
    const columns = arrangeHand(hand('HR HR SB SB S7 H7 C7 D7 SA HA D5 S3 C3', '7'));
    assert.deepEqual(columnsText(columns), ['bomb:HR HR SB SB', 'bomb:S7 H7 C7 D7', 'rank:SA HA', 'rank:D5', 'rank:S3 C3']);
  });

  it('keeps big and small jokers apart when the four are not all held', () => {
    assert.deepEqual(columnsText(arrangeHand(hand('HR SB SB S9'))), ['rank:HR', 'rank:SB SB', 'rank:S9']);
  });

  it('lists the level cards, the wild ♥ among them, in one column', () => {
    const columns = arrangeHand(hand('HQ SQ DK C2', 'Q'));
    assert.deepEqual(columnsText(columns), ['rank:SQ HQ', 'rank:DK', 'rank:C2']);
    assert.equal(columns[0].cards[1].isWild, true);
  });

  it('is a permutation of the hand, whatever the arrangement, with ranks in the hand order', () => {
    fc.assert(
      fc.property(arrangedHand, ({ held, arrangement }) => {
        const columns = arrangeHand(held, arrangement);
        const order = columnOrder(columns);
        assert.deepEqual([...keysOf(order)].sort(), [...keysOf(held)].sort());
        const ranked = columns.filter((column) => column.kind === 'rank' || column.kind === 'bomb');
        const loose = keysOf(ranked.flatMap((column) => column.cards));
        const looseSet = new Set(loose);
        assert.deepEqual(loose, keysOf(held).filter((key) => looseSet.has(key)), 'by-rank columns follow the hand order');
        for (const column of ranked) {
          const labels = new Set(column.cards.map((card) => (card.suit === 'J' ? 'JOKER' : card.rankLabel)));
          assert.equal(labels.size, 1, 'one rank per column');
          if (column.kind === 'bomb') assert.ok(column.cards.length >= 4);
          else if (column.cards[0].suit !== 'J') assert.ok(column.cards.length < 4);
        }
      }),
      PROPERTY,
    );
  });

  it('puts every group in a column of exactly its cards, in the arrangement order, before the ranks', () => {
    fc.assert(
      fc.property(arrangedHand, ({ held, arrangement }) => {
        const columns = arrangeHand(held, arrangement);
        const groups = fitArrangement(arrangement, held).groups;
        assert.deepEqual(
          columns.slice(0, groups.length).map((column) => ({ kind: column.kind, keys: keysOf(column.cards) })),
          groups.map((group) => ({ kind: group.kind, keys: [...group.keys] })),
        );
        assert.ok(columns.slice(groups.length).every((column) => column.kind === 'rank' || column.kind === 'bomb'));
      }),
      PROPERTY,
    );
  });

  it('comes back to the by-rank stacking on reset (no arrangement)', () => {
    fc.assert(
      fc.property(arrangedHand, ({ held }) => {
        assert.deepEqual(arrangeHand(held, NO_ARRANGEMENT), arrangeHand(held));
        assert.ok(arrangeHand(held).every((column) => column.kind === 'rank' || column.kind === 'bomb'));
      }),
      PROPERTY,
    );
  });
});

describe('理牌: the player groups', () => {
  it('makes the selection a column, leftmost, taking its cards out of their ranks', () => {
    const held = hand('SA HA S9 D9 C5 S3');
    const first = pressArrange(NO_ARRANGEMENT, held, new Set(['S9#0', 'C5#0']));
    assert.deepEqual(columnsText(arrangeHand(held, first)), ['group:S9 C5', 'rank:SA HA', 'rank:D9', 'rank:S3']);
    const second = pressArrange(first, held, new Set(['HA#0', 'S3#0', 'C5#0']));
    assert.deepEqual(columnsText(arrangeHand(held, second)), ['group:HA C5 S3', 'group:S9', 'rank:SA', 'rank:D9']);
  });

  it('dissolves a group when exactly its cards are selected and 理牌 is pressed again', () => {
    const held = hand('SA HA S9 D9');
    const grouped = pressArrange(NO_ARRANGEMENT, held, new Set(['SA#0', 'D9#0']));
    const undone = pressArrange(grouped, held, new Set(['D9#0', 'SA#0']));
    assert.deepEqual(arrangeHand(held, undone), arrangeHand(held));
  });

  it('lets the wild ♥ level card be grouped like any other', () => {
    const held = hand('H5 S6 S7 S8 S9 C2', '5');
    const grouped = pressArrange(NO_ARRANGEMENT, held, new Set(['H5#0', 'S6#0', 'S7#0', 'S8#0', 'S9#0']));
    assert.deepEqual(columnsText(arrangeHand(held, grouped)), ['group:H5 S9 S8 S7 S6', 'rank:C2']);
  });

  it('is enabled only when pressing would change something', () => {
    const held = hand('SA HA S9');
    assert.equal(canPressArrange(NO_ARRANGEMENT, held, new Set()), false, 'nothing selected, no straight flush');
    assert.equal(canPressArrange(NO_ARRANGEMENT, held, new Set(['S9#0'])), true);
    assert.equal(canPressArrange(NO_ARRANGEMENT, held, new Set(['gone#0'])), false, 'a selection of cards no longer held');
  });
});

describe('理牌: straight flushes', () => {
  it('pulls natural straight flushes out with nothing selected, and puts them back on the next press', () => {
    const held = hand('S9 S8 S7 S6 S5 S5 D5 HK', '2');
    const pulled = pressArrange(NO_ARRANGEMENT, held, new Set());
    assert.deepEqual(columnsText(arrangeHand(held, pulled)), ['straightFlush:S9 S8 S7 S6 S5', 'rank:HK', 'rank:S5 D5']);
    assert.deepEqual(pressArrange(pulled, held, new Set()), NO_ARRANGEMENT);
  });

  it('plays the ace low and high', () => {
    assert.deepEqual(findStraightFlushes(hand('HA H2 H3 H4 H5', 'K')), [['H5#0', 'H4#0', 'H3#0', 'H2#0', 'HA#0']]);
    assert.deepEqual(findStraightFlushes(hand('CA CK CQ CJ CT')), [['CA#0', 'CK#0', 'CQ#0', 'CJ#0', 'CT#0']]);
    assert.deepEqual(findStraightFlushes(hand('CQ CK CA C2 C3')), [], 'no wrapping past the ace');
  });

  it('never spends the wild ♥ or a joker, and keeps the player groups', () => {
    assert.deepEqual(findStraightFlushes(hand('H5 H6 H7 H8 H9', '7')), [], 'H7 is the wild at level 7');
    assert.equal(findStraightFlushes(hand('S5 S6 S7 S8 S9', '7')).length, 1, 'S7 is a natural level card');
    const held = hand('D9 D8 D7 D6 D5 C4');
    const grouped = pressArrange(NO_ARRANGEMENT, held, new Set(['D7#0', 'C4#0']));
    assert.deepEqual(pressArrange(grouped, held, new Set()), grouped, 'no straight flush left outside the groups');
  });

  it('cuts a suit into the most runs, then the highest', () => {
    // 3..9 once and 5..7 twice: 34567 + 56789 gives two runs where 56789 alone would leave 3 4 5 6 7 unused.
    const runs = findStraightFlushes(hand('S3 S4 S5 S5 S6 S6 S7 S7 S8 S9'));
    assert.deepEqual(runs.map((keys) => keys.map(cardOfKey).join(' ')), ['S9 S8 S7 S6 S5', 'S7 S6 S5 S4 S3']);
    const one = findStraightFlushes(hand('D4 D5 D6 D7 D8 D9'));
    assert.deepEqual(one.map((keys) => keys.map(cardOfKey).join(' ')), ['D9 D8 D7 D6 D5']);
  });

  it('finds only real straight flushes, each card once, and no more runs than any other cut', () => {
    fc.assert(
      fc.property(oneSuitHand, ({ suit, ranks, level }) => {
        const cards = ranks.map((rank) => `${suit}${rank}`);
        // Two decks: at most two copies of a card.
        const legal = cards.filter((card, at) => cards.slice(0, at).filter((other) => other === card).length < 2);
        const held = displayHand(legal, level);
        const runs = findStraightFlushes(held);
        const used = runs.flat();
        assert.equal(new Set(used).size, used.length);
        const byKey = new Map(held.map((card) => [card.key, card]));
        const runsTopDown = ['5432A', ...Array.from({ length: 9 }, (_, low) => [...'23456789TJQKA'.slice(low, low + 5)].reverse().join(''))];
        for (const run of runs) {
          assert.ok(runsTopDown.includes(run.map((key) => cardOfKey(key)[1]).join('')), `a run: ${run.join(' ')}`);
          assert.ok(run.every((key) => byKey.get(key)?.isWild === false && cardOfKey(key)[0] === suit));
        }
        // Greedy from the top can never find more runs than the search.
        assert.ok(runs.length >= greedyRuns(held));
      }),
      PROPERTY,
    );
  });
});

/** Runs found by taking the highest available run again and again: a lower bound for the best cut. */
function greedyRuns(held: readonly HandCard[]): number {
  const counts = new Map<string, number>();
  for (const card of held) if (!card.isWild) counts.set(card.card[1], (counts.get(card.card[1]) ?? 0) + 1);
  const order = 'A23456789TJQKA';
  let runs = 0;
  for (let top = order.length - 1; top >= 4; ) {
    const ranks = order.slice(top - 4, top + 1).split('');
    if (ranks.every((rank) => (counts.get(rank) ?? 0) > 0)) {
      for (const rank of ranks) counts.set(rank, (counts.get(rank) ?? 0) - 1);
      runs++;
    } else top--;
  }
  return runs;
}

describe('理牌: groups follow the hand', () => {
  /** The hand after the cards at `positions` are played, as the server's next state would show it. */
  const afterPlaying = (cards: readonly Card[], held: readonly HandCard[], played: ReadonlySet<string>, level: Rank) => {
    const left = held.filter((card) => !played.has(card.key)).map((card) => card.card);
    assert.equal(left.length, cards.length - played.size);
    return displayHand(left, level);
  };

  it('keeps the rest of every player group when some of its cards are played', () => {
    fc.assert(
      fc.property(arrangedHand, fc.array(fc.nat({ max: 26 })), ({ cards, level, held, arrangement }, positions) => {
        const played = new Set(positions.filter((at) => at < held.length).map((at) => held[at].key));
        const next = afterPlaying(cards, held, played, level);
        const carried = carryArrangement(arrangement, keysOf(held), keysOf(next), played);
        const expected = fitArrangement(arrangement, held)
          .groups.map((group) => ({ kind: group.kind, cards: sortedCards(group.keys.filter((key) => !played.has(key)).map(cardOfKey)), size: group.keys.length }))
          .filter((group) => group.cards !== '' && (group.kind === 'group' || group.cards.split(' ').length === group.size))
          .map(({ kind, cards: left }) => ({ kind, cards: left }));
        assert.deepEqual(
          carried.groups.map((group) => ({ kind: group.kind, cards: sortedCards(group.keys.map(cardOfKey)) })),
          expected,
        );
        // The carried groups name cards of the new hand.
        const nextKeys = new Set(keysOf(next));
        assert.ok(carried.groups.every((group) => group.keys.every((key) => nextKeys.has(key))));
      }),
      PROPERTY,
    );
  });

  it('follows a renumbered copy: the group keeps its SA when the other SA is played', () => {
    const held = hand('SA SA D3');
    const grouped = pressArrange(NO_ARRANGEMENT, held, new Set(['SA#1']));
    const next = hand('SA D3');
    const carried = carryArrangement(grouped, keysOf(held), keysOf(next), new Set(['SA#0']));
    assert.deepEqual(columnsText(arrangeHand(next, carried)), ['group:SA', 'rank:D3']);
    // Played from the group instead: the group empties and disappears.
    const fromGroup = carryArrangement(grouped, keysOf(held), keysOf(next), new Set(['SA#1']));
    assert.deepEqual(columnsText(arrangeHand(next, fromGroup)), ['rank:SA', 'rank:D3']);
  });

  it('takes an ungrouped copy when it is not known which one left (托管, a timeout)', () => {
    const held = hand('SA SA D3');
    const grouped = pressArrange(NO_ARRANGEMENT, held, new Set(['SA#0']));
    const carried = carryArrangement(grouped, keysOf(held), keysOf(hand('SA D3')));
    assert.deepEqual(columnsText(arrangeHand(hand('SA D3'), carried)), ['group:SA', 'rank:D3']);
  });

  it('leaves received cards (a returned tribute) outside the groups', () => {
    const held = hand('SA D3');
    const grouped = pressArrange(NO_ARRANGEMENT, held, new Set(['SA#0']));
    const next = hand('SA SA D3');
    assert.deepEqual(columnsText(arrangeHand(next, carryArrangement(grouped, keysOf(held), keysOf(next)))), ['group:SA', 'rank:SA', 'rank:D3']);
  });

  it('dissolves a straight flush the player breaks', () => {
    const held = hand('S9 S8 S7 S6 S5 D2');
    const pulled = pressArrange(NO_ARRANGEMENT, held, new Set());
    const next = hand('S9 S8 S7 S6 D2');
    assert.deepEqual(carryArrangement(pulled, keysOf(held), keysOf(next), new Set(['S5#0'])).groups, []);
  });
});

describe('理牌: kept on the device', () => {
  const record = (game: string, seat: number, deal: number, savedAt: number): StoredArrangement => ({
    game,
    seat,
    deal,
    hand: ['SA#0', 'D3#0'],
    groups: [{ kind: 'group', keys: ['SA#0'] }],
    savedAt,
  });

  it('reads back what it wrote, for the same game, seat and deal only', () => {
    const now = 1_800_000_000_000;
    const text = JSON.stringify(storeArrangement([], record('g1', 2, 3, now)));
    const records = parseStoredArrangements(text);
    assert.deepEqual(findStoredArrangement(records, { game: 'g1', seat: 2, deal: 3 }, now)?.groups, [{ kind: 'group', keys: ['SA#0'] }]);
    assert.equal(findStoredArrangement(records, { game: 'g1', seat: 2, deal: 4 }, now), null, 'the next deal starts fresh');
    assert.equal(findStoredArrangement(records, { game: 'g1', seat: 1, deal: 3 }, now), null, 'another seat in the same browser');
    assert.equal(findStoredArrangement(records, { game: 'g1', seat: 2, deal: 3 }, now + 2 * 86_400_000), null, 'stale');
  });

  it('replaces a game’s older deal and keeps only the newest few games', () => {
    let records: StoredArrangement[] = [];
    for (let game = 0; game < 10; game++) records = storeArrangement(records, record(`g${game}`, 0, 1, 1000 + game));
    records = storeArrangement(records, record('g9', 0, 2, 2000));
    assert.deepEqual(records.map((saved) => `${saved.game}/${saved.deal}`), ['g9/2', 'g8/1', 'g7/1', 'g6/1']);
  });

  it('ignores malformed storage', () => {
    assert.deepEqual(parseStoredArrangements(null), []);
    assert.deepEqual(parseStoredArrangements('{not json'), []);
    assert.deepEqual(parseStoredArrangements('{"game":"g"}'), []);
    const bad = [{ ...record('g', 0, 1, 1), groups: [{ kind: 'pile', keys: [] }] }, { ...record('g', 0, 1, 1), hand: ['<script>'] }, record('ok', 0, 1, 1)];
    assert.deepEqual(parseStoredArrangements(JSON.stringify(bad)).map((saved) => saved.game), ['ok']);
    assert.equal(ARRANGEMENT_STORAGE_KEY.length > 0, true);
  });

  it('restores the groups onto the hand found after a reload, even if cards were played meanwhile', () => {
    const held = hand('SA SA D3 C9');
    const grouped = pressArrange(NO_ARRANGEMENT, held, new Set(['SA#1', 'C9#0']));
    const saved = storeArrangement([], { game: 'g', seat: 0, deal: 1, hand: keysOf(held), groups: toStoredGroups(grouped), savedAt: 5 });
    const found = findStoredArrangement(parseStoredArrangements(JSON.stringify(saved)), { game: 'g', seat: 0, deal: 1 }, 5);
    assert.ok(found);
    const now = hand('SA D3 C9');
    const restored = carryArrangement({ groups: found.groups }, found.hand, keysOf(now));
    assert.deepEqual(columnsText(arrangeHand(now, restored)), ['group:SA C9', 'rank:D3']);
  });
});
