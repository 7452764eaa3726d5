/** A closed interval [low, high]. */
export interface Interval {
  low: number;
  high: number;
}

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * The Wilson score interval for a proportion: `successes` out of `trials` (either may be fractional, e.g. a draw
 * counted as half a win, or an effective sample size). It stays within [0, 1] and behaves at 0 and 1, where the
 * plain normal interval collapses. With no trials it is the whole [0, 1].
 */
export function wilsonInterval(successes: number, trials: number, z: number = Z_95): Interval {
  if (!(trials > 0)) return { low: 0, high: 1 };
  if (successes < 0 || successes > trials) throw new RangeError(`successes ${successes} out of ${trials} trials`);
  const rate = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (rate + z2 / (2 * trials)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((rate * (1 - rate)) / trials + z2 / (4 * trials * trials));
  // Exact at the ends (0 and 1 are the bounds there), and never excluding the rate through rounding.
  const low = successes === 0 ? 0 : Math.max(0, Math.min(rate, centre - halfWidth));
  const high = successes === trials ? 1 : Math.min(1, Math.max(rate, centre + halfWidth));
  return { low, high };
}
