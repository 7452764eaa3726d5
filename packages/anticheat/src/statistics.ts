/** The Wilson score interval of a proportion, at `z` standard errors. */
export function wilsonInterval(successes: number, trials: number, z: number): { low: number; high: number } {
  if (trials === 0) return { low: 0, high: 1 };
  const rate = successes / trials;
  const z2 = z * z;
  const centre = (rate + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z / (1 + z2 / trials)) * Math.sqrt((rate * (1 - rate)) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** log10 of a sum of terms given as natural logs, without overflow. */
function log10SumOfLogs(logs: readonly number[]): number {
  const top = Math.max(...logs);
  if (top === -Infinity) return -Infinity;
  const sum = logs.reduce((total, log) => total + Math.exp(log - top), 0);
  return (top + Math.log(sum)) / Math.LN10;
}

function logFactorial(n: number): number {
  let total = 0;
  for (let i = 2; i <= n; i++) total += Math.log(i);
  return total;
}

/** -log10 of the chance of at least `count` events when `expected` are expected (Poisson upper tail). */
export function poissonSurprise(count: number, expected: number): number {
  if (count <= 0) return 0;
  if (expected <= 0) return Infinity;
  const logs: number[] = [];
  let log = -expected + count * Math.log(expected) - logFactorial(count);
  let largest = log;
  // Past the mean the terms fall off quickly; stop once they no longer change the sum.
  for (let k = count; k <= expected || log > largest - 40; k++) {
    logs.push(log);
    largest = Math.max(largest, log);
    log += Math.log(expected) - Math.log(k + 1);
  }
  return Math.max(0, -log10SumOfLogs(logs));
}

/** The nearest-rank quantile: the smallest value with at least `fraction` of the values at or below it. */
export function quantile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(fraction * sorted.length)) - 1];
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}
