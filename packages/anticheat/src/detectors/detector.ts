import type { BotLevel } from '@guandan/bots';
import type { AccountFacts, GameObservation } from '../observations.js';
import type { Signal } from '../signal.js';

export interface DetectorOptions {
  /** The bot automated play is compared with (`automated-play`); `normal` by default, `hard` costs far more. */
  referenceBot?: BotLevel;
  /** How many decisions of each account are compared with the reference bot; 120 by default. */
  agreementSample?: number;
}

export interface DetectorInput {
  games: readonly GameObservation[];
  accounts: readonly AccountFacts[];
  options: DetectorOptions;
}

/** A pure function from observations and facts to signals. */
export type Detector = (input: DetectorInput) => Signal[];

/**
 * Signals scoring below this are not returned: well under any threshold they would only bury the cases worth a
 * moderator's time, while near misses (0.25 to 0.5) show what a lower threshold would add.
 */
export const REPORT_FLOOR = 0.25;
