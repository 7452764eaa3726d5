import type { AdminTable, AdminTableSummary } from '@guandan/protocol';
import { isApiError } from '../api/api-error';
import { type DrawnCard, sortedHand } from './cards';

/** How often a watched table is read again: a turn takes seconds, and each read costs the server a table lookup. */
export const WATCH_REFRESH_MS = 2000;

/** Answers that will not change by asking again: no such table (404), watching is refused (403), signed out (401). */
const FINAL_STATUSES = new Set([401, 403, 404]);

/**
 * When to read a watched table again after the last read: at the usual pace while it plays, also after a failure
 * that may pass (the network, a busy server), but never after an answer that asking again cannot change, nor once
 * the table plays no more (its match is over, or an operator ended it). Before the first read there is no table yet.
 */
export function nextWatchRead(lastError: unknown, lastTable: Pick<AdminTableSummary, 'status'> | undefined): number | false {
  if (isApiError(lastError) && FINAL_STATUSES.has(lastError.status)) return false;
  return lastTable === undefined || lastTable.status === 'playing' ? WATCH_REFRESH_MS : false;
}

/** Why a watched table plays no more, or null while it plays (or before it is read). */
export type WatchEnd = { by: 'match' } | { by: 'operator'; reason: string };

/**
 * How the watch page tells that a table plays no more: its match is over, or no such table is known (404, the
 * same words), or an operator ended it, with their reason.
 */
export function watchEnd(lastError: unknown, table: Pick<AdminTableSummary, 'status' | 'ended_reason'> | undefined): WatchEnd | null {
  if (table?.status === 'ended') return { by: 'operator', reason: table.ended_reason ?? '' };
  if (table?.status === 'over' || (isApiError(lastError) && lastError.status === 404)) return { by: 'match' };
  return null;
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

/** Whose turn it is: a seat in the play phase of a playing table; nobody's during the tribute, the return, or once it is over. */
export function seatToAct(table: Pick<AdminTable, 'phase' | 'turn' | 'status'>): number | null {
  return table.phase === 'play' && table.status === 'playing' ? table.turn : null;
}

/** The seats in seat order, each with its own hand (`hands` is by seat). */
export function seatsAtTable(table: Pick<AdminTable, 'seats' | 'hands' | 'phase' | 'turn' | 'status'>): SeatAtTable[] {
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
