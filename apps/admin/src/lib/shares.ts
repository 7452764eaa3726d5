/** How a share the API could not count (null) is shown. */
export const NO_SHARE = '—';

/** A share between 0 and 1 as a percentage with one decimal ("12.5%"), the language's own way; null as NO_SHARE. */
export function formatShare(share: number | null, locale?: string): string {
  if (share === null) return NO_SHARE;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
