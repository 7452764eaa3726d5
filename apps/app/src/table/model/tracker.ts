import { type Card, type Rank, RANKS, type SeatView } from '@guandan/engine';

export interface TrackerRow {
  rank: 'HR' | 'SB' | Rank;
  label: string;
  /** Cards of this rank this seat has not seen: neither in its own hand nor played in this deal. */
  unseen: number;
  isLevel: boolean;
}

/** Two decks: eight of each natural rank, two of each joker. */
const COPIES_PER_RANK = 8;
const COPIES_PER_JOKER = 2;

function rankKeyOf(card: Card): TrackerRow['rank'] {
  return card === 'HR' || card === 'SB' ? card : (card[1] as Rank);
}

/**
 * The card tracker (记牌器): per rank, how many cards are still in other hands. Tribute needs no correction: a card
 * received is in this hand, and a card given (or passed between others) is still held by someone else.
 */
export function trackerRows(view: SeatView): TrackerRow[] {
  const known = new Map<TrackerRow['rank'], number>();
  const count = (card: Card): void => {
    const rank = rankKeyOf(card);
    known.set(rank, (known.get(rank) ?? 0) + 1);
  };
  view.hand.forEach(count);
  for (const entry of view.log) entry.play?.cards.forEach(count);
  const naturals = [view.level, ...[...RANKS].reverse().filter((rank) => rank !== view.level)];
  return [
    { rank: 'HR' as const, label: '大王', unseen: COPIES_PER_JOKER - (known.get('HR') ?? 0), isLevel: false },
    { rank: 'SB' as const, label: '小王', unseen: COPIES_PER_JOKER - (known.get('SB') ?? 0), isLevel: false },
    ...naturals.map((rank) => ({
      rank,
      label: rank === 'T' ? '10' : rank,
      unseen: COPIES_PER_RANK - (known.get(rank) ?? 0),
      isLevel: rank === view.level,
    })),
  ];
}
