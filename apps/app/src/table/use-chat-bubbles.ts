import type { Seat } from '@guandan/engine';
import { useMemo } from 'react';
import { serverClock, serverNow } from '../session/server-clock';
import type { ChatLine } from './model/table-state';
import { useExpiry } from './view/TableNotices';

const BUBBLE_MS = 5000;

/** The chat lines to show in bubbles by the seats: each seat's last line, for BUBBLE_MS after it was sent. */
export function useChatBubbles(chat: readonly ChatLine[]): ChatLine[] {
  const lastLines = useMemo(() => {
    const bySeat = new Map<Seat, ChatLine>();
    for (const line of chat) bySeat.set(line.seat, line);
    return [...bySeat.values()];
  }, [chat]);
  // A chat line carries the server's stamp: its bubble lasts BUBBLE_MS on the server's clock, and the re-render when
  // the first one ends is asked for on the device's.
  const shown = lastLines.filter((line) => line.at + BUBBLE_MS > serverNow());
  useExpiry(shown.length > 0 ? Math.min(...shown.map((line) => line.at + BUBBLE_MS)) + serverClock.ahead : null);
  return shown;
}
