import { TokenBucket } from './token-bucket.js';

/**
 * One token bucket per key (a user, a table), in this process. A bucket that has refilled is dropped when the
 * buckets are next swept, so memory follows the keys active lately, and dropping one never resets a limit early.
 */
export class KeyedRateLimit {
  private readonly buckets = new Map<string, TokenBucket>();
  private sweptAt = Date.now();
  private readonly sweepEveryMs: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.sweepEveryMs = Math.max(1000, (burst / perSecond) * 1000);
  }

  take(key: string): boolean {
    this.sweepNowAndThen();
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = new TokenBucket(this.perSecond, this.burst);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweepNowAndThen(): void {
    const now = Date.now();
    if (now - this.sweptAt < this.sweepEveryMs) return;
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) if (bucket.isFull()) this.buckets.delete(key);
  }
}
