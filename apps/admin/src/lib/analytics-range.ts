/** The ranges one click away: a week, a month, a quarter, each ending today. */
export const RANGE_PRESETS = [7, 30, 90] as const;
export const DEFAULT_PRESET = 30;
/** The server's limit (`MAX_REPORT_DAYS`): a year and a day. */
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;

/** A report's days, UTC, both ends included. */
export interface DayRange {
  from: string;
  to: string;
}

/** Why a range cannot be asked for, as a message key's last part; null when it can. */
export type RangeProblem = 'not_a_day' | 'from_after_to' | 'too_long';

/** A UTC day as epoch milliseconds, or null when it is not a calendar day (2026-02-30 is not). */
function dayStart(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const at = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== day ? null : at;
}

const dayOf = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** The `days` days ending on the UTC day of `now`: the server counts days in UTC, so "today" is UTC's. */
export function presetRange(days: number, now: Date): DayRange {
  const today = Date.parse(`${dayOf(now.getTime())}T00:00:00Z`);
  return { from: dayOf(today - (days - 1) * DAY_MS), to: dayOf(today) };
}

/** The preset a range is, if any, so its button shows as chosen. */
export function presetOf(range: DayRange, now: Date): number | null {
  return RANGE_PRESETS.find((days) => rangeId(presetRange(days, now)) === rangeId(range)) ?? null;
}

/** Days in a range, both ends included; null when an end is not a day. */
export function rangeLength(range: DayRange): number | null {
  const [from, to] = [dayStart(range.from), dayStart(range.to)];
  return from === null || to === null ? null : (to - from) / DAY_MS + 1;
}

/** What the server would refuse (BAD_REQUEST), caught before asking. */
export function rangeProblem(range: DayRange): RangeProblem | null {
  const length = rangeLength(range);
  if (length === null) return 'not_a_day';
  if (length < 1) return 'from_after_to';
  return length > MAX_RANGE_DAYS ? 'too_long' : null;
}

/** The react-admin record id of a range's report: a report is read as one record, like the economy's overview. */
export const rangeId = (range: DayRange): string => `${range.from}..${range.to}`;

/** The range of a report's record id, or null when the id is not one. */
export function rangeOfId(id: string): DayRange | null {
  const [from, to, ...rest] = id.split('..');
  if (from === undefined || to === undefined || rest.length > 0) return null;
  return rangeProblem({ from, to }) === null ? { from, to } : null;
}

export const analyticsQuery = (range: DayRange): URLSearchParams => new URLSearchParams({ from: range.from, to: range.to });
