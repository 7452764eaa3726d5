import type { HandCard } from './hand';
import type { Selection } from './selection';

/**
 * A drag over the hand's columns: every card the pointer passed over, in whatever order and across columns, takes
 * the state opposite to the first card's in `base` (the selection when the drag began). `touched` are indices into
 * `hand`; repeats and indices off the hand are ignored.
 */
export function sweepSelection(hand: readonly HandCard[], base: Selection, touched: readonly number[]): Selection {
  const first = touched.length > 0 ? hand[touched[0]] : undefined;
  if (first === undefined) return base;
  const select = !base.has(first.key);
  const next = new Set(base);
  for (const index of touched) {
    const card = hand[index];
    if (card === undefined) continue;
    if (select) next.add(card.key);
    else next.delete(card.key);
  }
  return next;
}
