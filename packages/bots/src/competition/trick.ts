import type { LogEntry, MatchEvent, MatchState, SeatView } from '@guandan/engine';

/**
 * Where the current trick begins in the deal's log. The engine's state does not record it, so the host follows
 * it from the events: a new trick starts when a trick is won, when play begins and when a deal starts.
 */
export function trickStartAfter(start: number, after: MatchState, events: readonly MatchEvent[]): number {
  const restarts = events.some((event) => event.kind === 'trickWon' || event.kind === 'playBegins' || event.kind === 'dealStarted');
  return restarts ? after.deal.log.length : start;
}

/** The current trick's entries of the deal log. */
export function trickEntries(view: SeatView, start: number): LogEntry[] {
  return view.trick.lastPlay === null ? [] : view.log.slice(start);
}
