/** The seconds are written out for the last ten of a turn; the last five are urgent (red ring, red badge). */
export const SHOWN_SECONDS = 10;
export const URGENT_SECONDS = 5;

/** Whole seconds left before `deadline`, counted up as a player reads a clock (4.2 s left shows 5). */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}
