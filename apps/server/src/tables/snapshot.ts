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

/**
 * A table's whole state: what the reducer evolves from events, and what is stored as a snapshot at the end of each
 * deal (recovery loads the last one and replays the events written after it).
 */
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
  /** Set when an operator ended the table before its match was over (absent in snapshots written before). */
  ended?: TableEnded;
}

/** Why and by whom a table was ended before its match was over. */
export interface TableEnded {
  reason: string;
  operator: Operator;
}

/** An operator as the table's log names them: their account and their name then. */
export interface Operator {
  userId: string;
  name: string;
}

/** Whether the table plays no more: its match is over, or an operator ended it. */
export function isOver(table: TableSnapshot): boolean {
  return table.state.phase === 'over' || table.ended !== undefined;
}
