import { ProtocolError } from '@guandan/protocol';

/** Accounts remembered at most; past it the longest-idle is forgotten (its window has long passed anyway). */
const MAX_ACCOUNTS = 10_000;

/**
 * At most `perMinute` actions per account in any sliding minute, whichever addresses or connections the account
 * uses: a limit by client address would let one account spread over addresses, and punish a shared one.
 */
export class AccountLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly what: string,
  ) {}

  /** Counts one action for the account, or refuses it with RATE_LIMITED. */
  take(accountId: string): void {
    const now = Date.now();
    const times = (this.recent.get(accountId) ?? []).filter((at) => now - at < 60_000);
    if (times.length >= this.perMinute) throw new ProtocolError('RATE_LIMITED', `at most ${this.perMinute} ${this.what} a minute per account`);
    times.push(now);
    // Re-inserted, the account moves to the end: the map's first key is the longest idle.
    this.recent.delete(accountId);
    this.recent.set(accountId, times);
    if (this.recent.size > MAX_ACCOUNTS) this.recent.delete(this.recent.keys().next().value as string);
  }
}
