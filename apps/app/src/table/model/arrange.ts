import { type Arrangement, fitArrangement, NO_ARRANGEMENT } from './arrangement';
import type { HandCard } from './hand';

/** Why cards share a column: one rank, a bomb (four or more of a rank, or the four jokers), a straight flush, or the player's own group. */
export type ColumnKind = 'rank' | 'bomb' | 'straightFlush' | 'group';

/** One column of the arranged hand (理牌): its cards from the top of the stack down. */
export interface HandColumn {
  kind: ColumnKind;
  cards: HandCard[];
}

/**
 * The hand in columns (理牌), left to right: the arrangement's groups (see Arrangement), then every other card
 * stacked by rank, highest rank on the left, a rank of four or more marked as a bomb and the four jokers stacked
 * as one bomb. `hand` is in display order (displayHand), so a rank column keeps its suits in display order too.
 */
export function arrangeHand(hand: readonly HandCard[], arrangement: Arrangement = NO_ARRANGEMENT): HandColumn[] {
  const byKey = new Map(hand.map((card) => [card.key, card]));
  const fitted = fitArrangement(arrangement, hand);
  const groups = fitted.groups.map((group): HandColumn => ({ kind: group.kind, cards: group.keys.map((key) => byKey.get(key) as HandCard) }));
  const grouped = new Set(fitted.groups.flatMap((group) => group.keys));
  return [...groups, ...rankColumns(hand.filter((card) => !grouped.has(card.key)))];
}

function rankColumns(hand: readonly HandCard[]): HandColumn[] {
  const columns: HandColumn[] = [];
  for (const card of hand) {
    const last = columns.at(-1);
    if (last !== undefined && sameRank(last.cards[0], card)) last.cards.push(card);
    else columns.push({ kind: 'rank', cards: [card] });
  }
  for (const column of columns) if (column.cards.length >= 4 && column.cards[0].suit !== 'J') column.kind = 'bomb';
  // Both big jokers and both small ones: 天王炸, the strongest play, held as one column.
  const jokers = columns.filter((column) => column.cards[0].suit === 'J');
  if (jokers.length === 2 && jokers.every((column) => column.cards.length === 2)) {
    return [{ kind: 'bomb', cards: jokers.flatMap((column) => column.cards) }, ...columns.filter((column) => !jokers.includes(column))];
  }
  return columns;
}

function sameRank(a: HandCard, b: HandCard): boolean {
  return a.suit === 'J' ? a.card === b.card : a.rankLabel === b.rankLabel && b.suit !== 'J';
}

/** The cards in the order the columns show them, left to right and top to bottom. */
export function columnOrder(columns: readonly HandColumn[]): HandCard[] {
  return columns.flatMap((column) => column.cards);
}
