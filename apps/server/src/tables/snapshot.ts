import type { BotLevel } from '@guandan/bots';
import type { MatchState, Seat } from '@guandan/engine';
import type { GameMode } from '@guandan/protocol';

/** A seat at a table: a person (who may be auto-played) or a bot. */
export interface TableSeat {
  seat: Seat;
  userId: string | null;
  username: string;
  /** Set for a bot seat, and for a person who quit (a bot of this level plays on for them). */
  botLevel: BotLevel | null;
  /** 托管: the server plays for this person until they act again. */
  autoPlay: boolean;
  /** Timeouts in a row; two put the seat on auto-play. */
  timeouts: number;
  quit: boolean;
}

/** Everything a table needs to go on after a restart, written with every accepted event. */
export interface TableSnapshot {
  gameId: string;
  roomId: string;
  gameMode: GameMode;
  baseBet: number;
  /** The bot level that plays on for a person who quits. */
  replacementLevel: BotLevel;
  state: MatchState;
  seats: TableSeat[];
  /** When the seats that must act are played for (ms since the epoch); null when no person must act. */
  deadline: number | null;
  /** The pause after a deal ended, until the next deal's first turn starts (ms since the epoch); null in play. */
  breakUntil?: number | null;
  startedAt: string;
}

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
