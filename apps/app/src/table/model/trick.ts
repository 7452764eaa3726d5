import { type LogEntry, type Play, type Seat, SEATS, type TrickState } from '@guandan/engine';

/** One entry of the trick on the table: a play, or a pass when `play` is null. */
export interface TrickEntry {
  seat: Seat;
  play: Play | null;
}

/**
 * The plays and passes of the trick in progress, oldest first. A deal's log does not mark where tricks end, so
 * the log is walked with the engine's rule for it: a trick ends once every other seat still in has passed (every
 * seat still in, when the standing seat has just gone out). Hand sizes along the way come from the current counts
 * plus the cards each seat has played since.
 */
export function currentTrick(log: readonly LogEntry[], trick: TrickState, handCounts: readonly number[]): TrickEntry[] {
  if (trick.lastPlay === null) return [];
  const counts = [...handCounts];
  for (const entry of log) if (entry.play !== null) counts[entry.seat] += entry.play.cards.length;
  let start = 0;
  let lastSeat: Seat | null = null;
  let passes = 0;
  log.forEach((entry, index) => {
    if (entry.play !== null) {
      counts[entry.seat] -= entry.play.cards.length;
      lastSeat = entry.seat;
      passes = 0;
      return;
    }
    passes++;
    if (lastSeat === null) return;
    const stillIn = SEATS.filter((seat) => counts[seat] > 0).length;
    const standingOut = counts[lastSeat] === 0;
    if (passes >= (standingOut ? stillIn : stillIn - 1)) {
      start = index + 1;
      lastSeat = null;
      passes = 0;
    }
  });
  return log.slice(start);
}

