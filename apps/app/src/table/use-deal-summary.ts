import type { DealResult, Rank } from '@guandan/engine';
import type { GameStatePayload } from '@guandan/protocol';
import type { RealtimeClient } from '@guandan/sdk';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type DealSummary, dealSummary } from './model/deal-summary';
import type { TableState } from './model/table-state';
import { serverNow } from '../session/server-clock';

export interface DealSummaryControl {
  /** The summary to show now, or null. */
  summary: DealSummary | null;
  /** When the next deal's first turn starts (ms since the epoch), if the server pauses between deals. */
  nextDealAt: number | null;
  /** A deal ended while the table was watching: show its summary. */
  open: (result: DealResult) => void;
  /** The player pressed continue (or the match ended). */
  close: () => void;
}

/**
 * The summary between two deals: opened when a deal ends at the table, shown until the server's pause before the
 * next deal runs out, the player continues, or it is the player's turn (a server without a pause).
 */
export function useDealSummary(realtime: RealtimeClient, roomId: string, state: TableState, myTurn: boolean): DealSummaryControl {
  const levelsByDeal = useRef(new Map<number, [Rank, Rank]>());
  const view = state.view;
  if (view !== null && view.phase !== 'over' && !levelsByDeal.current.has(view.dealNumber)) levelsByDeal.current.set(view.dealNumber, view.levels);

  const [result, setResult] = useState<DealResult | null>(null);
  const [nextDealAt, setNextDealAt] = useState<number | null>(null);
  useEffect(
    () =>
      realtime.on('GAME_STATE_UPDATE', (message) => {
        const payload = message.payload as GameStatePayload;
        if (payload.roomId === roomId) setNextDealAt(payload.nextDealAt ?? null);
      }),
    [realtime, roomId],
  );

  const open = useCallback((ended: DealResult) => setResult(ended), []);
  const close = useCallback(() => setResult(null), []);

  // The pause is over: the next deal is under way. Without a pause, the player's own first turn ends it.
  useEffect(() => {
    if (result === null) return;
    if (nextDealAt === null) {
      if (myTurn) setResult(null);
      return;
    }
    const timer = setTimeout(() => setResult(null), Math.max(0, nextDealAt - serverNow()));
    return () => clearTimeout(timer);
  }, [result, nextDealAt, myTurn]);

  const summary = useMemo(
    () => (result === null || state.ended !== null ? null : dealSummary(result, levelsByDeal.current.get(result.number) ?? null, view)),
    [result, state.ended, view],
  );
  return { summary, nextDealAt, open, close };
}
