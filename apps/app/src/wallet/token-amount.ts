/**
 * Token amounts as the protocol carries them: decimal strings in whole tokens ("12.5"), exact at 18 decimals, so
 * they are read into integer base units (bigint) here and never through a float.
 */

/** Decimals of each token the app shows. */
export const TOKEN_DECIMALS = { PLAY: 18, GUAN: 18, USDC: 6 } as const;
export type TokenSymbol = keyof typeof TOKEN_DECIMALS;

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Base units of a decimal string with at most `decimals` places, or null when it is not one. */
export function toUnits(amount: string, decimals: number): bigint | null {
  const match = DECIMAL.exec(amount);
  if (match === null) return null;
  const [, whole, fraction = ''] = match;
  if (fraction.length > decimals) return null;
  return BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
}

/** The shortest decimal string of `units` base units ("12.5", "0", "0.000001"). */
export function fromUnits(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const magnitude = negative ? -units : units;
  const scale = 10n ** BigInt(decimals);
  const whole = (magnitude / scale).toString();
  const fraction = decimals === 0 ? '' : (magnitude % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/**
 * An amount for people: digits grouped by thousands, cut (never rounded up, so a balance is never overstated) to
 * `maxFraction` places, and "<0.0001" for a dust amount that would otherwise read as zero.
 */
export function displayAmount(amount: string, maxFraction = 4): string {
  const match = DECIMAL.exec(amount);
  if (match === null) return amount;
  const [, whole, fraction = ''] = match;
  const kept = fraction.slice(0, maxFraction).replace(/0+$/, '');
  const grouped = BigInt(whole).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (grouped === '0' && kept === '' && /[1-9]/.test(fraction)) return `<0.${'0'.repeat(Math.max(0, maxFraction - 1))}1`;
  return kept === '' ? grouped : `${grouped}.${kept}`;
}

/** Whether a protocol amount is above zero. */
export function isPositive(amount: string): boolean {
  return /[1-9]/.test(amount) && DECIMAL.test(amount);
}

export type AmountProblem = 'empty' | 'invalid' | 'tooPrecise' | 'zero' | 'tooMuch';

export type AmountInput = { ok: true; amount: string } | { ok: false; problem: AmountProblem };

/**
 * What a person typed as an amount of a token, checked before anything is asked of the server: a decimal with at
 * most the token's places, above zero and at most `available` (a protocol amount) when given. A comma is read as the
 * decimal point (some keyboards have only that), "5." and ".5" as 5 and 0.5. The amount is returned in the protocol's
 * form ("0.5").
 */
export function readAmountInput(text: string, decimals: number, available?: string): AmountInput {
  const typed = text.trim().replace(',', '.');
  if (typed === '') return { ok: false, problem: 'empty' };
  const normalised = typed.replace(/^\./, '0.').replace(/\.$/, '');
  if (!/\d/.test(typed) || !DECIMAL.test(normalised)) return { ok: false, problem: 'invalid' };
  const units = toUnits(normalised, decimals);
  if (units === null) return { ok: false, problem: 'tooPrecise' };
  if (units === 0n) return { ok: false, problem: 'zero' };
  if (available !== undefined) {
    const limit = toUnits(available, decimals);
    if (limit !== null && units > limit) return { ok: false, problem: 'tooMuch' };
  }
  return { ok: true, amount: fromUnits(units, decimals) };
}
