import { actorsOf, type MatchState } from '@guandan/engine';
import { isOver, type TableSeat, type TableSnapshot } from './snapshot.js';

/** Whether the server plays this seat itself: a bot, a person who quit, or a person on 托管. */
export const playedByServer = (seat: TableSeat): boolean => seat.botLevel !== null || seat.autoPlay;

/** Seconds the seats that must act now have, by RULES.md's timers. */
export function secondsToAct(state: MatchState): number {
  const timers = state.rules.timers;
  if (state.phase === 'tribute') return timers.tribute;
  if (state.phase === 'return') return timers.return;
  const deal = state.deal;
  const firstLead = deal.trick.lastPlay === null && deal.log.length === 0;
  return firstLead ? timers.firstLead : timers.play;
}

/**
 * When the people who must act are played for, for a table that changed at `now`: their turn's time, unless nobody
 * but the server acts. While several seats owe tribute or a return, one of them acting does not give the others a
 * fresh turn.
 */
export function deadlineFor(table: TableSnapshot, now: number, previous?: TableSnapshot): number | null {
  const state = table.state;
  if (isOver(table)) return null;
  const peopleToAct = actorsOf(state).some((seat) => !playedByServer(table.seats[seat]));
  if (!peopleToAct) return null;
  const sameExchange = previous !== undefined && previous.deadline !== null && previous.state.phase === state.phase && state.phase !== 'play';
  if (sameExchange) return previous.deadline;
  const turnStart = Math.max(now, table.breakUntil ?? 0);
  return turnStart + secondsToAct(state) * 1000;
}

/** What decides when the server acts for a seat, besides the table itself. */
export interface DueContext {
  now: number;
  /** When the seats to act last changed (an action, 托管, a quit, or opening the table). */
  changedAt: number;
  botDelayMs: number;
  disconnectGraceMs: number;
  isOnline(userId: string): boolean;
  /** Since when a person has had no connection (or since the server started, if it never saw one). */
  awaySince(userId: string): number;
}

/** When the server acts for a seat: bots and 托管 after a short delay, away people after a grace, others at the deadline. */
export function dueAt(table: TableSnapshot, seat: TableSeat, context: DueContext): number {
  // From the last change, not from now: measured from now, the time would never come when the timer asks again.
  if (playedByServer(seat)) return Math.max(context.changedAt, table.breakUntil ?? 0) + context.botDelayMs;
  const deadline = table.deadline ?? context.now;
  const userId = seat.userId as string;
  if (context.isOnline(userId)) return deadline;
  const turnStarted = deadline - secondsToAct(table.state) * 1000;
  return Math.min(deadline, Math.max(turnStarted, context.awaySince(userId)) + context.disconnectGraceMs);
}

/** The earliest time the server must act at this table, or null if nobody is to act. */
export function nextDueAt(table: TableSnapshot, context: DueContext): number | null {
  if (isOver(table)) return null;
  const actors = actorsOf(table.state);
  if (actors.length === 0) return null;
  return Math.min(...actors.map((seat) => dueAt(table, table.seats[seat], context)));
}
