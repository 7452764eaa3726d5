import { EngineError } from './errors.js';

/** A card in the two-character notation of RULES.md: suit then rank (`S9`, `HT`), or `SB` / `HR` for the jokers. */
export type Card = string;
export type Suit = 'S' | 'H' | 'C' | 'D';
/** A natural rank, 2 low to A high; `T` is ten. */
export type Rank = '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'T' | 'J' | 'Q' | 'K' | 'A';

export const SUITS: readonly Suit[] = ['S', 'H', 'C', 'D'];
export const RANKS: readonly Rank[] = ['2', '3', '4', '5', '6', '7', '8', '9', 'T', 'J', 'Q', 'K', 'A'];
export const SMALL_JOKER = 'SB';
export const BIG_JOKER = 'HR';

/*
 * Internally a card is an id: suit * 13 + rank index for the 52 natural cards (rank index 0 = '2' ... 12 = 'A'),
 * 52 for the small joker, 53 for the big joker. Hearts are suit 1, so the wild of level L has id 13 + L.
 */
export const SB_ID = 52;
export const HR_ID = 53;
export const HEARTS = 1;
export const ACE = 12;

const CARD_NAMES: readonly Card[] = [
  ...SUITS.flatMap((suit) => RANKS.map((rank) => suit + rank)),
  SMALL_JOKER,
  BIG_JOKER,
];
/** Card id + 1 by the two character codes (0 = not a card): faster than a Map on the hot paths. */
const ID_BY_CODES = new Uint8Array(128 * 128);
CARD_NAMES.forEach((name, id) => (ID_BY_CODES[name.charCodeAt(0) * 128 + name.charCodeAt(1)] = id + 1));
const RANK_INDEX = new Map<string, number>(RANKS.map((rank, index) => [rank, index]));
RANK_INDEX.set('10', 8);

export function cardName(id: number): Card {
  return CARD_NAMES[id];
}

export function cardId(card: Card): number {
  const id =
    typeof card === 'string' && card.length === 2
      ? ID_BY_CODES[((card.charCodeAt(0) & 127) << 7) | (card.charCodeAt(1) & 127)]
      : 0;
  if (id === 0) throw new EngineError('BAD_CARD', `not a card: ${JSON.stringify(card)}`);
  return id - 1;
}

export const rankOf = (id: number): number => id % 13;
export const isJoker = (id: number): boolean => id >= SB_ID;
export const wildId = (level: number): number => HEARTS * 13 + level;
export const naturalCard = (suit: number, rank: number): Card => CARD_NAMES[suit * 13 + rank];

/** Parses a level or rank: `2`..`9`, `T` (or `10`), `J`, `Q`, `K`, `A`. Returns the rank index 0..12. */
export function rankIndex(rank: string): number {
  const index = typeof rank === 'string' ? RANK_INDEX.get(rank) : undefined;
  if (index === undefined) throw new EngineError('BAD_LEVEL', `not a rank: ${JSON.stringify(rank)}`);
  return index;
}

export const rankName = (index: number): Rank => RANKS[index];

/**
 * Card order for singles, pairs, triples and bombs: 2 < ... < A (without the level rank) < level card < SB < HR.
 * Natural ranks keep their index 0..12, the level rank is 13, SB 14, HR 15.
 */
export function cardOrder(id: number, level: number): number {
  if (id >= SB_ID) return id - SB_ID + 14;
  const rank = id % 13;
  return rank === level ? 13 : rank;
}

/** Parses `"S9 C9 H2"`, `"S9,C9,H2"` or an array of cards. Throws BAD_CARD naming the first bad card. */
export function parseCards(text: string | readonly string[]): Card[] {
  const tokens = typeof text === 'string' ? text.split(/[\s,]+/).filter((token) => token !== '') : [...text];
  for (const token of tokens) cardId(token);
  return tokens;
}

export function formatCards(cards: readonly Card[]): string {
  return cards.join(' ');
}

/** Every card of the two decks, in a fixed order: 108 cards. */
export function fullDeck(): Card[] {
  return [...CARD_NAMES, ...CARD_NAMES];
}

/** Sorts a hand by card order (lowest first) then suit, the order players hold their cards in. */
export function sortHand(cards: readonly Card[], level: number): Card[] {
  return [...cards].sort((a, b) => {
    const ia = cardId(a);
    const ib = cardId(b);
    return cardOrder(ia, level) - cardOrder(ib, level) || ia - ib;
  });
}
