import type { Seat } from '@guandan/engine';
import type { GameMode, PerSeat } from '../observations.js';
import type { CalendarOptions } from './calendar.js';

/** The kinds of cheating the simulation plays. */
export type CheaterKind = 'colluder' | 'coin-dumper' | 'win-trader' | 'scripted' | 'multi-accounter' | 'reward-farmer';
export const CHEATER_KINDS: readonly CheaterKind[] = ['colluder', 'coin-dumper', 'win-trader', 'scripted', 'multi-accounter', 'reward-farmer'];
export type AccountKind = 'honest' | CheaterKind;
export const ACCOUNT_KINDS: readonly AccountKind[] = [...CHEATER_KINDS, 'honest'];

/** How well a player plays: the bot level it plays like, and how often it takes another choice (a person's slips and style). */
export interface PlayStyle {
  skill: 'easy' | 'normal' | 'hard';
  slipRate: number;
}

/** How long a seat takes to decide. People: log-normal around their own median, slower on harder choices. Programs: a delay with some jitter. */
export type TimingModel =
  | { kind: 'human'; medianMs: number; sigma: number }
  | { kind: 'machine'; delayMs: number; jitter: number; shape: 'uniform' | 'log-normal' };

/** What a seat does beyond playing its game: nothing, soft-play an accomplice on the other team, or lose on purpose. */
export type SeatRole = { kind: 'fair' } | { kind: 'soft-play'; accomplice: Seat; blatancy: number } | { kind: 'throw' };

/** One person's seat in a simulated game; plain data so a worker thread can play it. */
export interface SeatPlan {
  accountId: string;
  style: PlayStyle;
  timing: TimingModel;
  role: SeatRole;
}

/** A game to play: who sits where (null: a bot) and the room. */
export interface GameSpec {
  gameId: string;
  mode: GameMode;
  seed: string;
  startedAt: number;
  /** Game coins staked per level a deal is worth (the room's base bet); 0 for ranked. */
  baseBet: number;
  seats: PerSeat<SeatPlan | null>;
}

export interface Identity {
  devices: string[];
  addresses: string[];
  wallet: string | null;
}

export interface SimAccount {
  id: string;
  kind: AccountKind;
  style: PlayStyle;
  timing: TimingModel;
  identity: Identity;
  createdAt: number;
  /** The UTC hour this account usually plays around. */
  peakHour: number;
}

export interface ScheduleOptions extends CalendarOptions {
  /** Games each account plays (ordinary and scheme games together; farmers play more). */
  gamesPerAccount: number;
  seed: string;
}
