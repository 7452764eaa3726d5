/** How many minor digits the currency has, as Intl knows it: 2 for USD, none for JPY, three for KWD. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * A price from its amount in the currency's minor unit (cents), as the locale writes it: "$9.99", "US$9.99", "¥500".
 * The amount is divided by ten to the power of the currency's own minor digits only: the quotient is formatted to
 * exactly those digits, which rounds it back to the integer it came from.
 */
export function formatPrice(minor: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}
