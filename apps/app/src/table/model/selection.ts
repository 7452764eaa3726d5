import type { Card } from '@guandan/engine';
import type { HandCard } from './hand';

/** The keys of the selected hand cards. */
export type Selection = ReadonlySet<string>;

export function toggleCard(selection: Selection, key: string): Selection {
  const next = new Set(selection);
  if (!next.delete(key)) next.add(key);
  return next;
}

/** A drag from `from` to `to` (either way): every card on the way takes the state opposite to the first card's. */
export function selectSpan(hand: readonly HandCard[], selection: Selection, from: number, to: number): Selection {
  const first = hand[from];
  if (first === undefined) return selection;
  const select = !selection.has(first.key);
  const next = new Set(selection);
  const last = Math.max(0, Math.min(to, hand.length - 1));
  for (let index = Math.min(from, last); index <= Math.max(from, last); index++) {
    if (select) next.add(hand[index].key);
    else next.delete(hand[index].key);
  }
  return next;
}

/** The rank label a keyboard key stands for ('w' is either joker); undefined for other keys. */
function rankOfKey(rankKey: string): string | undefined {
  const key = rankKey.toLowerCase();
  if (key === '0' || key === 't') return '10';
  if (/^[2-9]$/.test(key)) return key;
  if (key === 'j' || key === 'q' || key === 'k' || key === 'a') return key.toUpperCase();
  if (key === 'w') return 'JOKER';
  return undefined;
}

/**
 * A rank key adds the next unselected card of that rank, or clears the rank once all of it is selected. Wild cards
 * come last: pressing the level rank should not spend a wild before the plain cards of that rank.
 */
export function selectByRank(hand: readonly HandCard[], selection: Selection, rankKey: string): Selection {
  const rank = rankOfKey(rankKey);
  if (rank === undefined) return selection;
  const ofRank = hand.filter((card) => card.rankLabel === rank);
  const candidates = [...ofRank.filter((card) => !card.isWild), ...ofRank.filter((card) => card.isWild)];
  const next = candidates.find((card) => !selection.has(card.key));
  if (next !== undefined) return new Set([...selection, next.key]);
  if (candidates.length === 0) return selection;
  const cleared = new Set(selection);
  for (const card of candidates) cleared.delete(card.key);
  return cleared;
}

/** Drops the keys of cards that left the hand. */
export function pruneSelection(hand: readonly HandCard[], selection: Selection): Selection {
  const kept = hand.filter((card) => selection.has(card.key)).map((card) => card.key);
  return kept.length === selection.size ? selection : new Set(kept);
}

/** The selected cards in hand order. */
export function selectedCards(hand: readonly HandCard[], selection: Selection): Card[] {
  return hand.filter((card) => selection.has(card.key)).map((card) => card.card);
}

/** The hand cards that make up `cards` (a hint or a play), each copy matched once; cards not held are skipped. */
export function selectionForCards(hand: readonly HandCard[], cards: readonly Card[]): Selection {
  const keys = new Set<string>();
  for (const card of cards) {
    const match = hand.find((held) => held.card === card && !keys.has(held.key));
    if (match !== undefined) keys.add(match.key);
  }
  return keys;
}
