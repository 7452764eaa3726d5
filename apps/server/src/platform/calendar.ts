/** Calendar periods in UTC: ISO 8601 weeks and calendar months. */

const DAY_MS = 86_400_000;
const pad = (value: number): string => String(value).padStart(2, '0');

/** The ISO 8601 week of an instant in UTC, `2026-W48`: weeks start on Monday and belong to the year of their Thursday. */
export function isoWeekOf(instant: Date): string {
  const thursday = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** The calendar month of an instant in UTC, `2026-11`. */
export function monthOf(instant: Date): string {
  return `${instant.getUTCFullYear()}-${pad(instant.getUTCMonth() + 1)}`;
}
