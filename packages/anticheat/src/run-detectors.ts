import { AUTOMATED_PLAY, detectAutomatedPlay } from './detectors/automated-play.js';
import { COIN_DUMPING, detectCoinDumping } from './detectors/coin-dumping.js';
import { COLLUSION, detectCollusion } from './detectors/collusion.js';
import type { Detector, DetectorOptions } from './detectors/detector.js';
import { detectMultiAccounting, MULTI_ACCOUNTING } from './detectors/multi-accounting.js';
import { detectRewardFarming, REWARD_FARMING } from './detectors/reward-farming.js';
import { detectWinTrading, WIN_TRADING } from './detectors/win-trading.js';
import type { AccountFacts, GameObservation } from './observations.js';
import type { Signal } from './signal.js';

/** Every detector by name, in the order their signals are listed. */
export const DETECTORS: Readonly<Record<string, Detector>> = {
  [COLLUSION]: detectCollusion,
  [COIN_DUMPING]: detectCoinDumping,
  [WIN_TRADING]: detectWinTrading,
  [MULTI_ACCOUNTING]: detectMultiAccounting,
  [AUTOMATED_PLAY]: detectAutomatedPlay,
  [REWARD_FARMING]: detectRewardFarming,
};

/** Runs every detector over the same games and facts; signals come strongest first. */
export function runDetectors(games: readonly GameObservation[], accounts: readonly AccountFacts[], options: DetectorOptions = {}): Signal[] {
  const signals = Object.values(DETECTORS).flatMap((detect) => detect({ games, accounts, options }));
  return signals.sort((a, b) => b.score - a.score || a.detector.localeCompare(b.detector) || a.accounts.join().localeCompare(b.accounts.join()));
}
