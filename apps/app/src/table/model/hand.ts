import { BIG_JOKER, type Card, cardId, cardOrder, type Rank, rankIndex, SMALL_JOKER } from '@guandan/engine';

export type CardSuit = 'S' | 'H' | 'C' | 'D' | 'J';

/** How a card is drawn: anywhere a card shows (hand, trick, replay), not only in the hand. */
export interface CardFace {
  card: Card;
  /** '2'..'10', 'J', 'Q', 'K', 'A', or 'JOKER' (the view draws 大王 / 小王 from `card`). */
  rankLabel: string;
  suit: CardSuit;
  isLevel: boolean;
  /** The ♥ card of the level rank, which stands in for any card but a joker. */
  isWild: boolean;
  red: boolean;
}

export interface HandCard extends CardFace {
  /** Card and occurrence (`SA#0`, `SA#1`): two decks give two of each card. */
  key: string;
}

export function cardFace(card: Card, level: Rank): CardFace {
  if (card === BIG_JOKER || card === SMALL_JOKER) {
    return { card, rankLabel: 'JOKER', suit: 'J', isLevel: false, isWild: false, red: card === BIG_JOKER };
  }
  const suit = card[0] as CardSuit;
  const rank = card[1];
  return {
    card,
    rankLabel: rank === 'T' ? '10' : rank,
    suit,
    isLevel: rank === level,
    isWild: rank === level && suit === 'H',
    red: suit === 'H' || suit === 'D',
  };
}

/**
 * The hand as held: highest first by the engine's card order (big joker, small joker, level cards, A ... 2), suits
 * ♠ ♥ ♣ ♦ within a rank. Keys number each card's copies left to right, so they stay put while the hand shrinks.
 */
export function displayHand(hand: readonly Card[], level: Rank): HandCard[] {
  const levelIndex = rankIndex(level);
  const sorted = [...hand].sort((a, b) => {
    const ia = cardId(a);
    const ib = cardId(b);
    return cardOrder(ib, levelIndex) - cardOrder(ia, levelIndex) || ia - ib;
  });
  const copies = new Map<Card, number>();
  return sorted.map((card) => {
    const occurrence = copies.get(card) ?? 0;
    copies.set(card, occurrence + 1);
    return { key: `${card}#${occurrence}`, ...cardFace(card, level) };
  });
}
