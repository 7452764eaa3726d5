import type { SeatView } from '@guandan/engine';
import type { GameStateDeltaPayload, GameStatePayload } from './realtime.js';

const PAYLOAD_FIELDS = ['legal', 'players', 'deadline', 'nextDealAt'] as const;

/** Whether two JSON values are equal (objects key by key, arrays element by element); the same object is at once. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameJson(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.hasOwn(b, key) || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** The entries `next` adds at the end of `previous`, or null if it is not `previous` plus more. */
function added<T>(previous: readonly T[], next: readonly T[]): T[] | null {
  if (next.length < previous.length) return null;
  for (let index = 0; index < previous.length; index++) if (!sameJson(previous[index], next[index])) return null;
  return next.slice(previous.length);
}

/** What turns the payload sent at `base` into `next`. */
export function stateDelta(previous: GameStatePayload, next: GameStatePayload, base: number): GameStateDeltaPayload {
  const changed: GameStateDeltaPayload['changed'] = {};
  for (const field of PAYLOAD_FIELDS) {
    if (!sameJson(previous[field], next[field])) (changed as Record<string, unknown>)[field] = next[field] ?? null;
  }
  const view: Partial<SeatView> = {};
  for (const key of Object.keys(next.view) as (keyof SeatView)[]) {
    if (key === 'log') continue;
    if (!sameJson(previous.view[key], next.view[key])) (view as Record<string, unknown>)[key] = next.view[key];
  }
  const logAdded = added(previous.view.log, next.view.log);
  if (logAdded === null) view.log = next.view.log;
  return { base, changed, view, logAdded: logAdded ?? [] };
}

/** The payload a delta leads to from the payload it was made against. */
export function applyStateDelta(previous: GameStatePayload, delta: GameStateDeltaPayload): GameStatePayload {
  const view: SeatView = { ...previous.view, ...delta.view };
  if (delta.logAdded.length > 0) view.log = [...view.log, ...delta.logAdded];
  return { ...previous, ...delta.changed, view };
}
