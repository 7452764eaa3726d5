import { createHash } from 'node:crypto';
import { ProtocolError } from '@guandan/protocol';
import type { Config } from '../config.js';
import type { Db } from '../platform/db/database.js';

export type ThrottlePolicy = Pick<
  Config,
  'LOGIN_FREE_FAILURES' | 'LOGIN_ADDRESS_FREE_FAILURES' | 'LOGIN_ACCOUNT_CEILING' | 'LOGIN_MAX_DELAY_SECONDS' | 'LOGIN_FAILURE_WINDOW_MINUTES'
>;

/** Recent wrong passwords that bear on one sign-in: its (account, address) pair, its address, its account. */
export interface FailureHistory {
  pair: { count: number; lastAt: number | null };
  address: { count: number; lastAt: number | null };
  account: { count: number };
}

/**
 * Seconds this sign-in must still wait, 0 when it may try. Growing delays, never a lock:
 * - one address on one account gets `LOGIN_FREE_FAILURES` tries, then waits 1, 2, 4 ... seconds after each failure;
 * - one address on all accounts (credential stuffing) the same after `LOGIN_ADDRESS_FREE_FAILURES`;
 * - once an account has `LOGIN_ACCOUNT_CEILING` failures from everywhere, every address that has failed on it
 *   waits from its own first failure (many addresses each under their own limit).
 * An address with no recent failure on the account is never slowed on the account's behalf, so an attacker
 * elsewhere cannot keep the owner out.
 */
export function secondsToWait(history: FailureHistory, now: number, policy: ThrottlePolicy): number {
  const waitAfter = (failures: number, free: number, lastAt: number | null): number => {
    if (lastAt === null || failures < free) return 0;
    const delay = Math.min(2 ** (failures - free), policy.LOGIN_MAX_DELAY_SECONDS);
    return delay - (now - lastAt) / 1000;
  };
  const ceilingReached = history.account.count >= policy.LOGIN_ACCOUNT_CEILING;
  const wait = Math.max(
    waitAfter(history.pair.count, policy.LOGIN_FREE_FAILURES, history.pair.lastAt),
    waitAfter(history.address.count, policy.LOGIN_ADDRESS_FREE_FAILURES, history.address.lastAt),
    ceilingReached ? waitAfter(history.pair.count, 1, history.pair.lastAt) : 0,
  );
  return Math.max(0, Math.ceil(wait));
}

/**
 * Keeps recent wrong passwords (in the database, so every node of a cluster sees them) and refuses a sign-in that
 * comes too soon with RATE_LIMITED and the seconds to wait, before its password is checked. Accounts are keyed by
 * a hash of the email as typed, so an unknown email is throttled exactly like a known one and tells nothing.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly policy: ThrottlePolicy,
  ) {}

  async check(email: string, address: string): Promise<void> {
    const wait = secondsToWait(await this.history(accountKey(email), address), Date.now(), this.policy);
    if (wait > 0) throw new LoginThrottled(wait);
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const now = Date.now();
    await this.db.insertInto('login_failures').values({ account_hash: accountKey(email), address, failed_at: new Date(now).toISOString() }).execute();
    await this.db.deleteFrom('login_failures').where('failed_at', '<', this.windowStart(now)).execute();
  }

  /** A right password: this address's failures on this account are forgiven. */
  async recordSuccess(email: string, address: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('account_hash', '=', accountKey(email)).where('address', '=', address).execute();
  }

  private async history(account: string, address: string): Promise<FailureHistory> {
    const since = this.windowStart(Date.now());
    const recent = this.db.selectFrom('login_failures').where('failed_at', '>=', since);
    const summary = (rows: { count: string | number | bigint; last: string | null } | undefined) => ({
      count: Number(rows?.count ?? 0),
      lastAt: rows?.last === null || rows?.last === undefined ? null : Date.parse(rows.last),
    });
    const [pair, byAddress, byAccount] = await Promise.all([
      recent
        .where('account_hash', '=', account)
        .where('address', '=', address)
        .select((eb) => [eb.fn.countAll().as('count'), eb.fn.max('failed_at').as('last')])
        .executeTakeFirst(),
      recent.where('address', '=', address).select((eb) => [eb.fn.countAll().as('count'), eb.fn.max('failed_at').as('last')]).executeTakeFirst(),
      recent.where('account_hash', '=', account).select((eb) => eb.fn.countAll().as('count')).executeTakeFirst(),
    ]);
    return { pair: summary(pair), address: summary(byAddress), account: { count: Number(byAccount?.count ?? 0) } };
  }

  private windowStart(now: number): string {
    return new Date(now - this.policy.LOGIN_FAILURE_WINDOW_MINUTES * 60_000).toISOString();
  }
}

/** RATE_LIMITED with the seconds to wait; the route sends them as Retry-After. */
export class LoginThrottled extends ProtocolError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `too many wrong passwords: try again in ${retryAfterSeconds} s`);
  }
}

function accountKey(email: string): string {
  return createHash('sha256').update(email.toLowerCase()).digest('hex');
}
