/**
 * The analytics tables keep days as whole days since 1970-01-01 (UTC): "the day after signing up" is then `+ 1` in
 * SQL on SQLite and PostgreSQL alike, and a day is a 4-byte integer in every index.
 */
const DAY_MS = 86_400_000;

/** The day number of an ISO timestamp or a `YYYY-MM-DD` day. */
export function dayNumber(isoOrDay: string): number {
  return Math.floor(Date.parse(`${isoOrDay.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** `YYYY-MM-DD` of a day number. */
export function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whether `value` is a real calendar day written `YYYY-MM-DD` (not 2026-02-30). */
export function isCalendarDay(value: string): boolean {
  const parsed = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(parsed) && new Date(parsed).toISOString().slice(0, 10) === value;
}
