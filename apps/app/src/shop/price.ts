/**
 * A price from its amount in the currency's minor unit (cents), as the locale writes it: "$9.99", "US$9.99", "¥500".
 * The number of minor digits is the currency's own, as Intl knows it (none for JPY, three for KWD), so the amount is
 * divided by that power of ten only: the quotient is formatted to exactly those digits, which rounds it back to the
 * integer it came from.
 */
export function formatPrice(minor: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}
