/**
 * Cards as the server writes them (RULES.md's two characters: suit then rank, `H7`, `ST`; `SB` and `HR` the small and
 * big jokers), read into what the console draws: a rank and a suit symbol, red for hearts and diamonds.
 */
const SUITS = ['S', 'H', 'C', 'D'] as const;
const RANKS = ['2', '3', '4', '5', '6', '7', '8', '9', 'T', 'J', 'Q', 'K', 'A'] as const;

export type Suit = (typeof SUITS)[number];
export type Rank = (typeof RANKS)[number];

const SUIT_SYMBOL: Record<Suit, string> = { S: '♠', H: '♥', C: '♣', D: '♦' };
const SMALL_JOKER = 'SB';
const BIG_JOKER = 'HR';

export type DrawnCard =
  | { kind: 'suited'; code: string; rank: Rank; rankLabel: string; suit: Suit; symbol: string; red: boolean }
  | { kind: 'joker'; code: string; joker: 'small' | 'big'; red: boolean }
  /** A code this console does not know (a newer server): shown as it came rather than hidden. */
  | { kind: 'unknown'; code: string };

const isSuit = (value: string): value is Suit => (SUITS as readonly string[]).includes(value);
const isRank = (value: string): value is Rank => (RANKS as readonly string[]).includes(value);

/** A rank as printed on a card: `T` is 10. A level (the rank a team is on) reads the same. */
export const rankLabel = (rank: string): string => (rank === 'T' ? '10' : rank);

export function readCard(code: string): DrawnCard {
  if (code === SMALL_JOKER) return { kind: 'joker', code, joker: 'small', red: false };
  if (code === BIG_JOKER) return { kind: 'joker', code, joker: 'big', red: true };
  const [suit, rank] = [code.charAt(0), code.slice(1)];
  if (code.length !== 2 || !isSuit(suit) || !isRank(rank)) return { kind: 'unknown', code };
  return { kind: 'suited', code, rank, rankLabel: rankLabel(rank), suit, symbol: SUIT_SYMBOL[suit], red: suit === 'H' || suit === 'D' };
}

/** Where a card goes in a sorted hand: 2 up to A, then the small and the big joker; unknown codes at the end. */
function order(card: DrawnCard): number {
  if (card.kind === 'suited') return RANKS.indexOf(card.rank) * SUITS.length + SUITS.indexOf(card.suit);
  if (card.kind === 'joker') return RANKS.length * SUITS.length + (card.joker === 'small' ? 0 : 1);
  return RANKS.length * SUITS.length + 2;
}

/** A hand read and sorted by rank (then suit), the way a player holds it. */
export function sortedHand(codes: readonly string[]): DrawnCard[] {
  return codes
    .map(readCard)
    .map((card, index) => ({ card, index }))
    .sort((a, b) => order(a.card) - order(b.card) || a.index - b.index)
    .map(({ card }) => card);
}
