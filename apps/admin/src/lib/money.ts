/**
 * A price as the API writes it (an integer in the currency's minor unit, a lower-case ISO 4217 code) in the
 * language's currency style: `99, 'usd'` is $0.99, `500, 'jpy'` is ¥500, `1234, 'kwd'` is KWD 1.234. The minor units
 * become an exact decimal string, which Intl formats digit for digit: dividing by 100 as a float would round large
 * amounts (90,071,992,547,409.91 would read .90).
 */
export function formatPrice(minor: number, currency: string, locale?: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`a price is a safe integer of minor units, not ${minor}`);
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
  return format.format(minorToDecimal(minor, format.resolvedOptions().maximumFractionDigits ?? 2));
}

/** `1005` with 2 fraction digits is `"10.05"`; with 0 it is `"1005"`. */
function minorToDecimal(minor: number, fractionDigits: number): Intl.StringNumericLiteral {
  const digits = Math.abs(minor).toString().padStart(fractionDigits + 1, '0');
  const sign = minor < 0 ? '-' : '';
  const whole = digits.slice(0, digits.length - fractionDigits);
  const fraction = digits.slice(digits.length - fractionDigits);
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}` as Intl.StringNumericLiteral;
}
