import type { Sanction, SanctionKind } from '@guandan/protocol';

/** The body of `POST /v4/admin/users/:userId/sanctions` (`SanctionBodySchema`). */
export interface SanctionRequest {
  kind: SanctionKind;
  reason: string;
  /** ISO datetime; null: until lifted (not allowed for a suspension). */
  ends_at: string | null;
}

/** Quick choices for an end, from the moment the operator picks one. */
export const END_PRESETS = [
  { key: '1h', ms: 60 * 60 * 1000 },
  { key: '1d', ms: 24 * 60 * 60 * 1000 },
  { key: '7d', ms: 7 * 24 * 60 * 60 * 1000 },
  { key: '30d', ms: 30 * 24 * 60 * 60 * 1000 },
] as const;
export type EndPreset = (typeof END_PRESETS)[number]['key'];

/** Which kinds take an end: a suspension must have one, a mute may, a ban lasts until lifted. */
export function endRule(kind: SanctionKind): 'required' | 'optional' | 'none' {
  if (kind === 'suspend') return 'required';
  if (kind === 'mute') return 'optional';
  return 'none';
}

/**
 * The `datetime-local` input's value (the operator's wall-clock time, no zone) as an instant, read in the
 * browser's zone; null when empty or not a date.
 */
export function localInputToDate(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An instant as a `datetime-local` value in the browser's zone, to the minute. */
export function dateToLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The end a preset means, as an input value. */
export function presetEnd(preset: EndPreset, now: Date): string {
  const ms = END_PRESETS.find((entry) => entry.key === preset)?.ms ?? 0;
  return dateToLocalInput(new Date(now.getTime() + ms));
}

/** The translation key of what is wrong with the end, or null. */
export function endProblem(kind: SanctionKind, endInput: string, now: Date): string | null {
  const rule = endRule(kind);
  if (endInput.trim() === '') return rule === 'required' ? 'gg.validation.end_required' : null;
  if (rule === 'none') return null;
  const end = localInputToDate(endInput);
  if (end === null) return 'gg.validation.end_invalid';
  return end.getTime() > now.getTime() ? null : 'gg.validation.end_in_past';
}

/** The request for a checked form. */
export function sanctionRequest(kind: SanctionKind, reason: string, endInput: string): SanctionRequest {
  const end = endRule(kind) === 'none' ? null : localInputToDate(endInput);
  return { kind, reason: reason.trim(), ends_at: end === null ? null : end.toISOString() };
}

/** A sanction still in force: not lifted, and without an end or ending later. */
export function isInForce(sanction: Pick<Sanction, 'lifted_at' | 'ends_at'>, now: Date): boolean {
  if (sanction.lifted_at !== null) return false;
  return sanction.ends_at === null || Date.parse(sanction.ends_at) > now.getTime();
}

/** What became of a sanction, for its status column. */
export function sanctionStatus(sanction: Pick<Sanction, 'lifted_at' | 'ends_at'>, now: Date): 'active' | 'lifted' | 'ended' {
  if (sanction.lifted_at !== null) return 'lifted';
  return isInForce(sanction, now) ? 'active' : 'ended';
}
