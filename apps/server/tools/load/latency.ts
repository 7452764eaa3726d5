import { performance } from 'node:perf_hooks';

export interface LatencySummary {
  samples: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Action round trips: from sending an action to receiving the PLAYER_ACTION that answers it (`inReplyTo` names the
 * sent message id). Every sample is kept and sorted once at the end: a few hundred thousand numbers at most, so a
 * histogram's bucketing would buy nothing here.
 */
export class LatencyRecorder {
  private readonly sentAt = new Map<string, number>();
  private readonly samples: number[] = [];

  sent(messageId: string): void {
    this.sentAt.set(messageId, performance.now());
  }

  /** The answer to a sent message arrived; ids this recorder never saw (other runs, replays) are ignored. */
  answered(messageId: string): boolean {
    const started = this.sentAt.get(messageId);
    if (started === undefined) return false;
    this.sentAt.delete(messageId);
    this.samples.push(performance.now() - started);
    return true;
  }

  /** A refused message gets no PLAYER_ACTION: stop waiting for it so it is not counted as unanswered. */
  refused(messageId: string): void {
    this.sentAt.delete(messageId);
  }

  get acknowledged(): number {
    return this.samples.length;
  }

  /** Actions sent and still waiting for their answer. */
  get unanswered(): number {
    return this.sentAt.size;
  }

  /** Percentiles of the samples from the `from`-th answer on (answers are kept in the order they arrived). */
  summary(from = 0): LatencySummary | null {
    if (this.samples.length <= from) return null;
    const sorted = Float64Array.from(this.samples.slice(from)).sort();
    const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
    return { samples: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), maxMs: sorted[sorted.length - 1] };
  }
}
