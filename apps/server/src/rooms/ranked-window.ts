/**
 * Ranked matchmaking: a waiting room accepts a player whose rating is within this many points of the room's mean.
 * The window starts narrow for close games and widens with the room's waiting time so that nobody waits forever.
 */
export function rankedWindow(waitedMs: number): number {
  const START = 100;
  const PER_SECOND = 20;
  const MAX = 800;
  return Math.min(MAX, START + (PER_SECOND * waitedMs) / 1000);
}
