import { currencyDigits } from './price';

/** The highest limit the server takes, in minor units. */
export const MAX_LIMIT_MINOR = 100_000_000;

/** What is wrong with a typed limit. */
export type LimitAmountProblem = 'empty' | 'format' | 'decimals' | 'tooLarge';

export type LimitAmount = { ok: true; minor: number } | { ok: false; problem: LimitAmountProblem };

/**
 * Whole units, optionally grouped in thousands by commas ("1,000", "12,500"), then optionally a point and decimals.
 * Commas anywhere else ("1,5", "10,00") are refused rather than guessed at: in much of the world "1,5" means one and
 * a half, and a spending limit read ten or a hundred times too high is worse than asking again.
 */
const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/;

/**
 * A limit typed in the currency's major unit ("5", "5.5", "$1.50") as an integer of its minor unit (500, 550, 150),
 * worked out from the digits alone, never through a float. More decimals than the currency has ("5.123" for USD, "5.5"
 * for JPY) are refused, not rounded. A currency symbol the player typed along with the number is ignored.
 */
export function parseLimitAmount(text: string, currency: string, symbols: readonly string[] = []): LimitAmount {
  let bare = text.trim();
  for (const symbol of symbols) {
    if (symbol !== '' && bare.startsWith(symbol)) bare = bare.slice(symbol.length).trim();
  }
  if (bare === '') return { ok: false, problem: 'empty' };
  const match = AMOUNT.exec(bare);
  if (match === null) return { ok: false, problem: 'format' };
  const digits = currencyDigits(currency);
  const whole = match[1].replaceAll(',', '');
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return { ok: false, problem: 'decimals' };
  // The minor amount is the whole units' digits followed by the decimals padded to the currency's count.
  const minorDigits = (whole + fraction.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  if (minorDigits.length > String(MAX_LIMIT_MINOR).length) return { ok: false, problem: 'tooLarge' };
  const minor = Number(minorDigits);
  if (minor > MAX_LIMIT_MINOR) return { ok: false, problem: 'tooLarge' };
  return { ok: true, minor };
}

/** The symbols a locale writes the currency with ("$", "US$", "¥"), to take off a typed amount. */
export function currencySymbols(currency: string, locales: readonly string[]): string[] {
  const symbols = new Set<string>();
  for (const locale of locales) {
    for (const display of ['symbol', 'narrowSymbol', 'code'] as const) {
      const parts = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase(), currencyDisplay: display }).formatToParts(1);
      const symbol = parts.find((part) => part.type === 'currency')?.value;
      if (symbol !== undefined) symbols.add(symbol);
    }
  }
  // Longest first, so that "US$" goes whole rather than leaving "US" behind "$".
  return [...symbols].sort((a, b) => b.length - a.length);
}
