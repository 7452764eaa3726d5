import type { Card } from '@guandan/engine';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { HandCard } from './model/hand';
import { pruneSelection, selectByRank, type Selection, selectedCards, selectionForCards, toggleCard } from './model/selection';
import { sweepSelection } from './model/sweep';

const EMPTY: Selection = new Set<string>();

export interface SelectionControl {
  /** The keys of the selected cards, those that left the hand dropped. */
  selection: Selection;
  /** The selected cards in hand order: what 出牌 plays. */
  chosen: Card[];
  clear: () => void;
  toggle: (key: string) => void;
  /** A rank key pressed (see selectByRank). */
  selectRank: (rankKey: string) => void;
  /** Exactly these cards (a hint). */
  selectCards: (cards: readonly Card[]) => void;
  /** A drag over the cards of `order` at `touched`: each takes the state opposite to the first's when the drag began. */
  sweep: (order: readonly HandCard[], touched: readonly number[]) => void;
  /** The drag is over: the next one starts from the selection as it is then. */
  endSweep: () => void;
}

/** The cards the player has picked out of the hand, by tap, drag, rank key or hint. */
export function useSelection(hand: readonly HandCard[]): SelectionControl {
  const [raw, setRaw] = useState<Selection>(EMPTY);
  const selection = useMemo(() => pruneSelection(hand, raw), [hand, raw]);
  const chosen = useMemo(() => selectedCards(hand, selection), [hand, selection]);
  const dragBase = useRef<Selection | null>(null);
  // Stable callbacks: the hand strips' handlers are built from them and keep their identity between server messages.
  const clear = useCallback(() => setRaw(EMPTY), []);
  const toggle = useCallback((key: string) => setRaw((current) => toggleCard(pruneSelection(hand, current), key)), [hand]);
  const selectRank = useCallback((rankKey: string) => setRaw((current) => selectByRank(hand, pruneSelection(hand, current), rankKey)), [hand]);
  const selectCards = useCallback((cards: readonly Card[]) => setRaw(selectionForCards(hand, cards)), [hand]);
  const sweep = useCallback(
    (order: readonly HandCard[], touched: readonly number[]) => {
      dragBase.current ??= selection;
      setRaw(sweepSelection(order, dragBase.current, touched));
    },
    [selection],
  );
  const endSweep = useCallback(() => {
    dragBase.current = null;
  }, []);
  return { selection, chosen, clear, toggle, selectRank, selectCards, sweep, endSweep };
}

export interface StripGestures {
  onToggle: (index: number) => void;
  onSweep: (touched: readonly number[]) => void;
  onRelease: () => void;
}

/**
 * The hand strips' handlers for the hand shown in `order` (the 理牌 columns). They keep their identity between server
 * messages that leave the hand as it was, so the strips are not rendered again.
 */
export function useStripGestures(order: readonly HandCard[], { toggle, sweep, endSweep }: SelectionControl): StripGestures {
  const onToggle = useCallback(
    (index: number) => {
      const card = order[index];
      if (card) toggle(card.key);
    },
    [order, toggle],
  );
  const onSweep = useCallback((touched: readonly number[]) => sweep(order, touched), [order, sweep]);
  return { onToggle, onSweep, onRelease: endSweep };
}
