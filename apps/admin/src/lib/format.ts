/** A moment for people: date and time in the browser's language and zone; a dash for none. */
export function formatDateTime(iso: string | null | undefined, locale?: string): string {
  if (iso === null || iso === undefined) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** A count of coins with the language's grouping (1,234,567), signed when asked (+100, −100). */
export function formatCoins(amount: number, options: { signed?: boolean; locale?: string } = {}): string {
  const text = new Intl.NumberFormat(options.locale, { signDisplay: options.signed ? 'exceptZero' : 'auto' }).format(amount);
  return text;
}

/** A game's length, as minutes and seconds (or hours and minutes past an hour). */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  return `${minutes} min ${String(rest).padStart(2, '0')} s`;
}

/** A time of day to the second in the browser's language and zone (a chat line, the last refresh). */
export function formatTime(iso: string | number | null | undefined, locale?: string): string {
  if (iso === null || iso === undefined) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(at);
}

/** A detector's score (0 to 1) as a percentage. */
export function formatScore(score: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(score);
}
