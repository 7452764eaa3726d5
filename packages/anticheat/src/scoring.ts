/**
 * Every detector turns its evidence into a score the same way, so a score reads the same whatever raised it: a
 * figure at its `neutral` level (what an honest account shows) scores 0, at the detector's threshold 0.5, and twice
 * as far from neutral as the threshold 1. Works in both directions: when the threshold is below neutral, smaller
 * figures are the suspicious ones.
 */
export function ramp(value: number, neutral: number, threshold: number): number {
  if (Number.isNaN(value)) return 0;
  const score = (0.5 * (value - neutral)) / (threshold - neutral);
  return Math.min(1, Math.max(0, score));
}

/** The score of two pieces of evidence that must both hold: the weaker one decides. */
export function bothRequired(...scores: number[]): number {
  return Math.min(...scores);
}

/** The second-highest of several scores: any two indicators together decide, one alone does not. */
export function anyTwoOf(scores: readonly number[]): number {
  if (scores.length < 2) return 0;
  return [...scores].sort((a, b) => b - a)[1];
}

/** Figures in evidence are rounded so that a case reads cleanly; scores are computed from the exact values. */
export function rounded(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
