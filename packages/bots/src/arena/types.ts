import type { Action, Seat, Team, Transition } from '@guandan/engine';
import type { Bot, BotLevel, BotOptions } from '../bot.js';

/** The two teams of an arena run, whatever seats they sit in: A and B. */
export type Side = 'A' | 'B';

/** The bot level that plays for each side. */
export interface Lineup {
  A: BotLevel;
  B: BotLevel;
}

/** Makes one seat's bot; `createBot` by default, a stand-in in tests. */
export type BotFactory = (level: BotLevel, options: BotOptions) => Bot;

/** Which match of a run a transition belongs to. */
export interface MatchLabel {
  seed: string;
  /** The engine team whose seats side A holds: 0 for seats 0 and 2, 1 for seats 1 and 3. */
  aTeam: Team;
}

/** Sees every transition of a match, `startMatch` included; for tests and tools, never for bots. */
export type TransitionObserver = (transition: Transition, match: MatchLabel) => void;

/** One deal's outcome from side A's and B's point of view. */
export interface DealOutcome {
  number: number;
  /** The side of the first finisher (DealResult.team). */
  winner: Side;
  /** Levels the winner went up (DealResult.rise); the other side gains nothing. */
  rise: number;
}

/** A bot decision that could not be applied as given. */
export interface BotError {
  matchSeed: string;
  dealNumber: number;
  seat: Seat;
  side: Side;
  level: BotLevel;
  /**
   * `refused`: the engine refused the action (`code` is the EngineError code); `wrong-seat`: the action named another
   * seat; `threw`: `decide` threw.
   */
  reason: 'refused' | 'wrong-seat' | 'threw';
  code: string | null;
  message: string;
  /** The action the bot returned; null when it threw. */
  action: Action | null;
}

/** Everything a match produced except its timing, which is collected apart so results can be compared. */
export interface MatchOutcome extends MatchLabel {
  /** Null for a drawn match (a fixed number of deals ending with equal levels). */
  winner: Side | null;
  deals: DealOutcome[];
  decisions: Record<Side, number>;
  errors: BotError[];
}

/** The two matches of one seed: side A at seats 0/2, then at seats 1/3. */
export interface DuplicatePair {
  seed: string;
  matches: [MatchOutcome, MatchOutcome];
}

/** The side a seat plays for in a match. */
export function sideOfSeat(seat: Seat, aTeam: Team): Side {
  return seat % 2 === aTeam ? 'A' : 'B';
}

/** The side that an engine team stands for in a match. */
export function sideOfTeam(team: Team, aTeam: Team): Side {
  return team === aTeam ? 'A' : 'B';
}
