import { decimalMark } from './milli-play';

/**
 * A token amount as the API writes it (a decimal string of whole tokens, "1234567.25") with the language's grouping
 * and decimal mark. Every digit is kept, and BigInt groups the whole part: a float would round, and amounts are
 * money. Anything that is not such a string is shown as it came.
 */
export function formatTokenAmount(decimal: string, locale?: string): string {
  const parts = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (parts === null) return decimal;
  const [, sign, whole, fraction] = parts;
  const format = new Intl.NumberFormat(locale);
  return `${sign}${format.format(BigInt(whole))}${fraction === undefined ? '' : `${decimalMark(format)}${fraction}`}`;
}
