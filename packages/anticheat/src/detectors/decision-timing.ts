import type { GameObservation } from '../observations.js';
import { actingSeat } from '../seating.js';
import { quantile } from '../statistics.js';

/** Times under a millisecond are a clock's rounding, not a decision; they would make the ratios below infinite. */
const SHORTEST_MS = 1;

/** Every decision time each account's seats took, over all its games (actions nobody chose are left out). */
export function decisionTimesByAccount(games: readonly GameObservation[]): Map<string, number[]> {
  const times = new Map<string, number[]>();
  for (const game of games) {
    game.actions.forEach((action, index) => {
      const seat = actingSeat(action);
      const ms = game.decisionMs[index];
      if (seat === null || ms === null) return;
      const account = game.seats[seat];
      if (account === null) return;
      const own = times.get(account) ?? [];
      own.push(Math.max(SHORTEST_MS, ms));
      times.set(account, own);
    });
  }
  return times;
}

/**
 * The shape of a set of decision times, on a log scale so that it does not depend on how fast the player is:
 * `spread` = ln(p90 / p10), how far quick and slow decisions lie apart; `tail` = ln(p95 / p50), how far the slow
 * ones reach beyond the typical one.
 */
export function timingShape(times: readonly number[]): { spread: number; tail: number; medianMs: number } {
  const medianMs = quantile(times, 0.5);
  return {
    spread: Math.log(quantile(times, 0.9) / quantile(times, 0.1)),
    tail: Math.log(quantile(times, 0.95) / medianMs),
    medianMs,
  };
}
