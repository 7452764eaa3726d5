import type { Action, Rules, Team } from '@guandan/engine';

/** The room a game was played in; only ranked games are matched by the server rather than chosen by the players. */
export type GameMode = 'quick' | 'custom' | 'ranked';

/** One value for each seat, indexed by seat (0..3). */
export type PerSeat<T> = [T, T, T, T];

/**
 * A finished game as the detectors see it: plain JSON the server can fill from its game record. The engine replays
 * the whole match from `seed`, `rules` and `actions`, so every hand at every decision can be rebuilt.
 */
export interface GameObservation {
  gameId: string;
  mode: GameMode;
  /** Milliseconds since the epoch. */
  startedAt: number;
  endedAt: number;
  /** The account at each seat, or null for a bot. Partners are seat and seat + 2. */
  seats: PerSeat<string | null>;
  seed: string | number;
  rules: Rules;
  /** Every action of the match in order; an action's index is its replay position. */
  actions: Action[];
  /**
   * For each action, how long the acting seat took in ms; null for actions nobody chose in the moment (the server
   * acting for a seat that timed out or is in 托管, a bot's move, `timeUp`).
   */
  decisionMs: (number | null)[];
  /** Game coins won (positive) or lost (negative) by each seat; 0 for bots and games without a stake. */
  coinDelta: PerSeat<number>;
  /** Null for a drawn game. */
  winningTeam: Team | null;
  /**
   * The $PLAY each seat was paid for the game after the daily cap, in integer milli-PLAY (the server's reward unit,
   * `amount_milli`), so money is never a float. Absent when the server did not record rewards.
   */
  rewardPlay?: PerSeat<number>;
}

/** What the platform knows about an account outside its games. */
export interface AccountFacts {
  accountId: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Device ids the account was seen on. */
  devices: string[];
  /** IP addresses the account was seen from. */
  addresses: string[];
  /** The linked wallet, if any. */
  wallet: string | null;
  /** Sign-in times, milliseconds since the epoch. */
  signIns: number[];
}

/** Milli-PLAY per PLAY. */
export const MILLI_PER_PLAY = 1000;
