import type { LogEntry, SeatView } from '@guandan/engine';
import { type GameStateDeltaPayload, type GameStatePayload, type SeatAction, type ServerMessage, tableMessageId } from './realtime.js';

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

/** The log entries an action's events add: one for each play and each pass, in order. */
export function logEntriesOf(action: SeatAction): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const event of action.events) {
    if (event.kind === 'played') entries.push({ seat: event.seat, play: event.play });
    else if (event.kind === 'passed') entries.push({ seat: event.seat, play: null });
  }
  return entries;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields of an object that changed, if it kept the same fields (e.g. a trick after a pass); null otherwise. */
function patchOf(previous: unknown, next: unknown): Record<string, unknown> | null {
  if (!isRecord(previous) || !isRecord(next)) return null;
  const keys = Object.keys(next);
  if (keys.length !== Object.keys(previous).length || !keys.every((key) => Object.hasOwn(previous, key))) return null;
  const patch: Record<string, unknown> = {};
  for (const key of keys) if (!sameJson(previous[key], next[key])) patch[key] = next[key];
  return patch;
}

/**
 * What turns the payload sent at `base` into `next`, with the action that made the change if one did. Only what
 * changed is there: a field of the view that kept its shape (the trick) as the part of it that changed, and the log's
 * new entries left out when they are the action's own.
 */
export function stateDelta(previous: GameStatePayload, next: GameStatePayload, base: number, action?: SeatAction): GameStateDeltaPayload {
  const delta: GameStateDeltaPayload = { base };
  const changed: NonNullable<GameStateDeltaPayload['changed']> = {};
  for (const field of PAYLOAD_FIELDS) {
    if (!sameJson(previous[field], next[field])) (changed as Record<string, unknown>)[field] = next[field] ?? null;
  }
  const view: Record<string, unknown> = {};
  const viewPatch: Record<string, Record<string, unknown>> = {};
  for (const key of Object.keys(next.view) as (keyof SeatView)[]) {
    if (key === 'log' || sameJson(previous.view[key], next.view[key])) continue;
    const patch = patchOf(previous.view[key], next.view[key]);
    if (patch === null) view[key] = next.view[key];
    else viewPatch[key] = patch;
  }
  const logAdded = added(previous.view.log, next.view.log);
  if (logAdded === null) view.log = next.view.log;
  if (Object.keys(changed).length > 0) delta.changed = changed;
  if (Object.keys(view).length > 0) delta.view = view as Partial<SeatView>;
  if (Object.keys(viewPatch).length > 0) delta.viewPatch = viewPatch as GameStateDeltaPayload['viewPatch'];
  if (logAdded !== null && !sameJson(logAdded, action === undefined ? [] : logEntriesOf(action))) delta.logAdded = logAdded;
  if (action !== undefined) delta.action = action;
  return delta;
}

/** The payload a delta leads to from the payload it was made against. */
export function applyStateDelta(previous: GameStatePayload, delta: GameStateDeltaPayload): GameStatePayload {
  const view: SeatView = { ...previous.view, ...delta.view };
  const fields = view as unknown as Record<string, object>;
  for (const [key, patch] of Object.entries(delta.viewPatch ?? {}) as [string, object][]) fields[key] = { ...fields[key], ...patch };
  const logAdded = delta.logAdded ?? (delta.action === undefined || delta.view?.log !== undefined ? [] : logEntriesOf(delta.action));
  if (logAdded.length > 0) view.log = [...view.log, ...logAdded];
  return { ...previous, ...delta.changed, view };
}

/**
 * What a client reads from a delta made against the view it holds (`last`, at the delta's base): the action inside
 * it as its PLAYER_ACTION message, if it carries one, then the whole view it leads to.
 */
export function readStateDelta(last: ServerMessage<'GAME_STATE_UPDATE'>, delta: ServerMessage<'GAME_STATE_DELTA'>): [ServerMessage<'PLAYER_ACTION'>, ServerMessage<'GAME_STATE_UPDATE'>] | [ServerMessage<'GAME_STATE_UPDATE'>] {
  const { timestamp, seq } = delta;
  const view: ServerMessage<'GAME_STATE_UPDATE'> = { type: 'GAME_STATE_UPDATE', payload: applyStateDelta(last.payload, delta.payload), timestamp, messageId: delta.messageId, seq };
  const action = delta.payload.action;
  if (action === undefined) return [view];
  const { roomId, gameId } = last.payload;
  return [{ type: 'PLAYER_ACTION', payload: { roomId, ...action }, timestamp, messageId: tableMessageId(gameId, seq, 'PLAYER_ACTION'), seq }, view];
}
