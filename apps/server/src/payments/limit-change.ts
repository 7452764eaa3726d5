/** A spending limit as kept: the one in force, and a raise (or removal) waiting out its cooling-off period. */
export interface LimitState {
  /** Minor units; null: no limit. */
  limit: number | null;
  pending: { limit: number | null; from: number } | null;
}

export const NO_LIMIT: LimitState = { limit: null, pending: null };

/** The limit in force at `now`: a pending raise whose time has come is. */
export function limitInForce(state: LimitState, now: number): number | null {
  return state.pending !== null && state.pending.from <= now ? state.pending.limit : state.limit;
}

/** Whether `wanted` is at most `current` (null: no limit, above every number). */
function atMost(wanted: number | null, current: number | null): boolean {
  return current === null || (wanted !== null && wanted <= current);
}

/**
 * A player asks for a new limit. Tightening (a lower limit, or one where there was none) is in force at once and
 * drops any raise waiting; loosening (a higher limit, or none) waits `coolingOffMs`, so a limit cannot be lifted in
 * the heat of the moment.
 */
export function requestLimit(state: LimitState, wanted: number | null, now: number, coolingOffMs: number): LimitState {
  const current = limitInForce(state, now);
  if (atMost(wanted, current)) return { limit: wanted, pending: null };
  return { limit: current, pending: { limit: wanted, from: now + coolingOffMs } };
}
