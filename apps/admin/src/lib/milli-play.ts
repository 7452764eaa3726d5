/** Thousandths in one $PLAY: the API counts rewards in milli-PLAY integers. */
const MILLI_PER_PLAY = 1000n;

/**
 * Milli-PLAY as PLAY with three decimals (1234567 → "1,234.567"), the language's grouping and decimal mark.
 * BigInt division and remainder: a float division would round large amounts, and amounts are money.
 */
export function formatMilliPlay(milli: number, locale?: string): string {
  if (!Number.isSafeInteger(milli)) throw new RangeError(`milli-PLAY must be a safe integer, not ${milli}`);
  const amount = BigInt(milli);
  const magnitude = amount < 0n ? -amount : amount;
  const whole = magnitude / MILLI_PER_PLAY;
  const fraction = (magnitude % MILLI_PER_PLAY).toString().padStart(3, '0');
  const format = new Intl.NumberFormat(locale);
  const sign = amount < 0n ? '-' : '';
  return `${sign}${format.format(whole)}${decimalMark(format)}${fraction}`;
}

/** The language's decimal mark (a point in English, a comma in German). */
export function decimalMark(format: Intl.NumberFormat): string {
  return format.formatToParts(0.5).find((part) => part.type === 'decimal')?.value ?? '.';
}
