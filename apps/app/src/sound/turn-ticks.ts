/** The last seconds of a turn tick, once a second. */
export const TICK_SECONDS = 5;

/**
 * The second to tick for at `now`, or null: the whole seconds left (5 down to 1), each at most once and never going
 * back up. A late timer skips a second rather than ticking twice in a row.
 */
export function dueTick(deadline: number, now: number, lastTicked: number | null): number | null {
  const left = Math.ceil((deadline - now) / 1000);
  if (left < 1 || left > TICK_SECONDS) return null;
  if (lastTicked !== null && left >= lastTicked) return null;
  return left;
}
