import { useEffect, useMemo, useRef, useState } from 'react';
import { storage } from '../platform/storage';
import { arrangeHand, type HandColumn } from './model/arrange';
import {
  ARRANGEMENT_STORAGE_KEY,
  findStoredArrangement,
  parseStoredArrangements,
  storeArrangement,
  toStoredGroups,
} from './model/arrangement-store';
import { type Arrangement, canPressArrange, carryArrangement, NO_ARRANGEMENT, pressArrange } from './model/arrangement';
import type { HandCard } from './model/hand';
import type { Selection } from './model/selection';

export interface ArrangementInput {
  /** Null until the server's first state: nothing is loaded or saved before. */
  gameId: string | null;
  seat: number;
  dealNumber: number;
  hand: readonly HandCard[];
  selection: Selection;
}

export interface ArrangementControls {
  /** The hand in 理牌 columns, the player's groups first. */
  columns: HandColumn[];
  canArrange: boolean;
  canReset: boolean;
  /** 理牌 with the current selection (see Arrangement). */
  arrange: () => void;
  /** 重置: back to the by-rank stacking. */
  reset: () => void;
}

interface Tracked {
  /** game/seat/deal the arrangement belongs to. */
  deal: string | null;
  /** The hand's keys it was last fitted to. */
  keys: string;
  arrangement: Arrangement;
  /** Whether the saved groups were read (until then nothing is written, or they would be overwritten). */
  loaded: boolean;
}

/**
 * The player's 理牌 groups for the deal being played: they follow the hand as cards are played or received, and
 * are saved on the device per game, seat and deal, so a reload or reconnect in the same deal finds them again.
 */
export function useArrangement({ gameId, seat, dealNumber, hand, selection }: ArrangementInput): ArrangementControls {
  const deal = gameId === null ? null : `${gameId}/${seat}/${dealNumber}`;
  const keys = hand.map((card) => card.key).join(' ');
  const [tracked, setTracked] = useState<Tracked>({ deal, keys, arrangement: NO_ARRANGEMENT, loaded: false });
  // The cards that just left the hand are most likely the last ones the player selected (play clears the selection).
  const lastSelection = useRef<Selection>(selection);
  useEffect(() => {
    if (selection.size > 0) lastSelection.current = selection;
  }, [selection]);

  // Derived state, updated while rendering so the columns never show one frame of stale groups.
  let current = tracked;
  if (tracked.deal !== deal) current = { deal, keys, arrangement: NO_ARRANGEMENT, loaded: false };
  else if (tracked.keys !== keys) {
    const before = tracked.keys === '' ? [] : tracked.keys.split(' ');
    current = { ...tracked, keys, arrangement: carryArrangement(tracked.arrangement, before, keys.split(' ').filter(Boolean), lastSelection.current) };
  }
  if (current !== tracked) setTracked(current);

  useEffect(() => {
    if (deal === null || gameId === null) return;
    let live = true;
    // Unreadable storage is the same as nothing saved: the groups then live for this page only.
    void storage.get(ARRANGEMENT_STORAGE_KEY).catch(() => null).then((text) => {
      if (!live) return;
      const saved = findStoredArrangement(parseStoredArrangements(text), { game: gameId, seat, deal: dealNumber }, Date.now());
      setTracked((now) => {
        if (now.deal !== deal || now.loaded) return now;
        // A group made in the moment before the saved ones were read wins over them.
        if (saved === null || now.arrangement.groups.length > 0) return { ...now, loaded: true };
        const handNow = now.keys === '' ? [] : now.keys.split(' ');
        const restored = carryArrangement({ groups: saved.groups }, saved.hand, handNow);
        return { ...now, arrangement: restored, loaded: true };
      });
    });
    return () => {
      live = false;
    };
    // Read once per deal; the hand at that moment is taken from the state, not from this render.
  }, [deal]);

  useEffect(() => {
    if (!current.loaded || current.deal === null || gameId === null) return;
    const record = { game: gameId, seat, deal: dealNumber, hand: current.keys === '' ? [] : current.keys.split(' '), groups: toStoredGroups(current.arrangement), savedAt: Date.now() };
    void storage
      .get(ARRANGEMENT_STORAGE_KEY)
      .then((text) => storage.set(ARRANGEMENT_STORAGE_KEY, JSON.stringify(storeArrangement(parseStoredArrangements(text), record))))
      .catch(() => undefined);
    // Saved when the groups or the hand they are fitted to change.
  }, [current.loaded, current.arrangement, current.keys]);

  const arrangement = current.arrangement;
  const columns = useMemo(() => arrangeHand(hand, arrangement), [hand, arrangement]);
  const canArrange = useMemo(() => canPressArrange(arrangement, hand, selection), [arrangement, hand, selection]);
  return {
    columns,
    canArrange,
    canReset: arrangement.groups.length > 0,
    arrange: () => setTracked((now) => ({ ...now, arrangement: pressArrange(now.arrangement, hand, selection) })),
    reset: () => setTracked((now) => ({ ...now, arrangement: NO_ARRANGEMENT })),
  };
}
