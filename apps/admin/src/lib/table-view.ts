import type { AdminTable } from '@guandan/protocol';
import { isApiError } from '../api/api-error';
import { type DrawnCard, sortedHand } from './cards';

/** How often a watched table is read again: a turn takes seconds, and each read costs the server a table lookup. */
export const WATCH_REFRESH_MS = 2000;

/** Answers that will not change by asking again: the game is over (404), watching is refused (403), signed out (401). */
const FINAL_STATUSES = new Set([401, 403, 404]);

/**
 * When to read a watched table again after the last read: at the usual pace, also after a failure that may pass (the
 * network, a busy server), but never after an answer that asking again cannot change.
 */
export function nextWatchRead(lastError: unknown): number | false {
  return isApiError(lastError) && FINAL_STATUSES.has(lastError.status) ? false : WATCH_REFRESH_MS;
}

/** One seat of a watched table, with its hand sorted for reading. */
export interface SeatAtTable {
  seat: number;
  userId: string | null;
  name: string;
  botLevel: string | null;
  autoPlay: boolean;
  quit: boolean;
  cardsLeft: number;
  hand: DrawnCard[];
  /** Seats 0 and 2 play against 1 and 3. */
  team: 0 | 1;
  /** Whether the table waits for this seat to play. */
  toAct: boolean;
}

/** Whether a record is a table as the watch route sends it (the list's summaries have no hands). */
export function isWatchedTable(record: unknown): record is AdminTable {
  return typeof record === 'object' && record !== null && Array.isArray((record as { hands?: unknown }).hands);
}

export const teamOf = (seat: number): 0 | 1 => (seat % 2 === 0 ? 0 : 1);

/** Whose turn it is: a seat in the play phase; nobody's during the tribute, the return, or once it is over. */
export function seatToAct(table: Pick<AdminTable, 'phase' | 'turn'>): number | null {
  return table.phase === 'play' ? table.turn : null;
}

/** The seats in seat order, each with its own hand (`hands` is by seat). */
export function seatsAtTable(table: Pick<AdminTable, 'seats' | 'hands' | 'phase' | 'turn'>): SeatAtTable[] {
  const toAct = seatToAct(table);
  return [...table.seats]
    .sort((a, b) => a.seat - b.seat)
    .map((seat) => ({
      seat: seat.seat,
      userId: seat.user_id,
      name: seat.username,
      botLevel: seat.bot_level,
      autoPlay: seat.auto_play,
      quit: seat.quit,
      cardsLeft: seat.cards_left,
      hand: sortedHand(table.hands[seat.seat] ?? []),
      team: teamOf(seat.seat),
      toAct: toAct === seat.seat,
    }));
}
