const DAY_MS = 86_400_000;
/** The most days a chart spans: the API sends 30; a bad date must not make a chart of a million columns. */
export const MAX_DAYS = 366;

/** A UTC day (`YYYY-MM-DD`) as epoch milliseconds, or null when it is not one. */
function dayStart(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const at = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== day ? null : at;
}

/**
 * Rows by day, oldest first, with the days between that have no row filled by `empty`: a chart over time shows a
 * quiet day as an empty column, not as no day at all. The API sends days newest first and only days with figures.
 * At least `span` days ending with the newest (filled before the oldest row too), so that a first day of figures is
 * one column of a month rather than a block across the whole chart. Rows whose day is not a date are left out; at
 * most MAX_DAYS days, the newest.
 */
export function everyDay<T extends { day: string }>(rows: readonly T[], empty: (day: string) => T, span = 1): T[] {
  const byStart = new Map<number, T>();
  for (const row of rows) {
    const start = dayStart(row.day);
    if (start !== null) byStart.set(start, row);
  }
  if (byStart.size === 0) return [];
  const starts = [...byStart.keys()];
  const last = Math.max(...starts);
  const first = Math.max(Math.min(...starts, last - (span - 1) * DAY_MS), last - (MAX_DAYS - 1) * DAY_MS);
  const days: T[] = [];
  for (let at = first; at <= last; at += DAY_MS) days.push(byStart.get(at) ?? empty(new Date(at).toISOString().slice(0, 10)));
  return days;
}
