import type { Side } from './types.js';

/** Mean and 99th percentile of one side's decision wall times. */
export interface DecisionTimeSummary {
  decisions: number;
  meanMs: number;
  p99Ms: number;
}

const NANOS_PER_MS = 1e6;

/** Collects the wall time of every bot decision, per side, measured with process.hrtime.bigint(). */
export class DecisionTimer {
  private readonly nanos: Record<Side, number[]> = { A: [], B: [] };

  /** Runs `decide` and records its wall time for `side`, also when it throws. */
  measure<T>(side: Side, decide: () => T): T {
    const start = process.hrtime.bigint();
    try {
      return decide();
    } finally {
      this.nanos[side].push(Number(process.hrtime.bigint() - start));
    }
  }

  summary(side: Side): DecisionTimeSummary {
    const times = this.nanos[side];
    if (times.length === 0) return { decisions: 0, meanMs: 0, p99Ms: 0 };
    const total = times.reduce((sum, time) => sum + time, 0);
    return { decisions: times.length, meanMs: total / times.length / NANOS_PER_MS, p99Ms: percentile(times, 0.99) / NANOS_PER_MS };
  }
}

/** The nearest-rank percentile: the smallest value with at least `fraction` of the values at or below it. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1];
}
