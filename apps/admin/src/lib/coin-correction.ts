/** The body of `POST /v4/admin/users/:userId/coin-corrections` (`CoinCorrectionBodySchema`). */
export interface CoinCorrectionRequest {
  amount: number;
  reason: string;
  idempotency_key: string;
}

/** The most one correction may move either way (the API's bound). */
export const MAX_CORRECTION = 1_000_000_000;

/** The amount typed (an integer, `-` takes coins), or the translation key of what is wrong with it. */
export function parseAmount(text: string): { amount: number } | { problem: string } {
  const trimmed = text.trim().replace(/[\s,_]/g, '');
  if (trimmed === '') return { problem: 'gg.validation.amount_required' };
  if (!/^[+-]?\d+$/.test(trimmed)) return { problem: 'gg.validation.amount_not_integer' };
  const amount = Number(trimmed);
  if (amount === 0) return { problem: 'gg.validation.amount_zero' };
  if (Math.abs(amount) > MAX_CORRECTION) return { problem: 'gg.validation.amount_too_large' };
  return { amount };
}

/** What is wrong with the amount given the balance now (a correction may not leave a negative balance), or null. */
export function amountProblem(text: string, balance: number): string | null {
  const parsed = parseAmount(text);
  if ('problem' in parsed) return parsed.problem;
  return balance + parsed.amount < 0 ? 'gg.validation.balance_negative' : null;
}

/**
 * The idempotency key of the correction the form holds. The same amount and reason sent again (a retry after a
 * network failure, a double click) keep their key, so the server applies them once; a changed form is another
 * correction and gets a new key. After a success the form forgets it (`null`), so the next one is new.
 */
export interface PendingCorrection {
  fingerprint: string;
  key: string;
}

export function correctionAttempt(pending: PendingCorrection | null, amount: number, reason: string, newKey: () => string): PendingCorrection {
  const fingerprint = `${amount}\n${reason.trim()}`;
  if (pending !== null && pending.fingerprint === fingerprint) return pending;
  return { fingerprint, key: newKey() };
}

export function correctionRequest(amount: number, reason: string, attempt: PendingCorrection): CoinCorrectionRequest {
  return { amount, reason: reason.trim(), idempotency_key: attempt.key };
}
