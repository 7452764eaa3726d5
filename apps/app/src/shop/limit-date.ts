/**
 * When a waiting raise takes effect, short: "Dec 11, 14:00", "12月11日 14:00". The year is left out: a cooling-off
 * is days, not years. `timeZone` is for tests; the app shows the device's own.
 */
export function formatLimitDate(iso: string, locale: string, timeZone?: string): string {
  return new Date(iso).toLocaleString(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
}

/** The last day of a self-exclusion, with its year (it may run for years): "Dec 15, 2026, 14:00". */
export function formatExclusionDate(iso: string, locale: string, timeZone?: string): string {
  return new Date(iso).toLocaleString(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
}

/** Whether the player is excluded from buying at `now` (ms). */
export function isExcluded(selfExcludedUntil: string | null, now: number): boolean {
  return selfExcludedUntil !== null && Date.parse(selfExcludedUntil) > now;
}
