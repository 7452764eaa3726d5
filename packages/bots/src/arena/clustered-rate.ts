import { type Interval, wilsonInterval, Z_95 } from './wilson.js';

/** Successes and trials of one cluster (in the arena: A's deal wins and the deals of one duplicate pair). */
export interface ClusterCount {
  successes: number;
  trials: number;
}

export interface ClusteredRate {
  rate: number;
  interval: Interval;
  /**
   * Estimated design effect: the cluster-robust variance of the rate over the binomial variance. Above 1 the
   * outcomes within a cluster move together; below 1 they offset each other. 1 when it cannot be estimated
   * (fewer than 2 clusters, or a rate of 0 or 1).
   */
  designEffect: number;
}

/**
 * A rate whose trials come in correlated clusters (the deals of a match depend on each other: levels, tribute, who
 * leads). The rate is the pooled ratio, total successes over total trials. Its 95% interval is the Wilson score
 * interval on the effective number of trials, trials / design effect, where the design effect is estimated with
 * the cluster-robust (sandwich) variance of the ratio, clusters as the independent units:
 *   var = G / (G - 1) * sum_i (successes_i - rate * trials_i)^2 / (sum_i trials_i)^2.
 * The design effect used for the interval is never taken below 1, so the interval is never narrower than the plain
 * Wilson interval that treats every trial as independent.
 */
export function clusteredRate(clusters: readonly ClusterCount[], z: number = Z_95): ClusteredRate {
  const successes = clusters.reduce((sum, cluster) => sum + cluster.successes, 0);
  const trials = clusters.reduce((sum, cluster) => sum + cluster.trials, 0);
  if (trials === 0) return { rate: Number.NaN, interval: { low: 0, high: 1 }, designEffect: 1 };
  const rate = successes / trials;
  const designEffect = estimateDesignEffect(clusters, rate, trials);
  const effectiveTrials = trials / Math.max(1, designEffect);
  return { rate, interval: wilsonInterval(rate * effectiveTrials, effectiveTrials, z), designEffect };
}

function estimateDesignEffect(clusters: readonly ClusterCount[], rate: number, trials: number): number {
  const count = clusters.length;
  const binomialVariance = (rate * (1 - rate)) / trials;
  if (count < 2 || binomialVariance === 0) return 1;
  const squaredResiduals = clusters.reduce((sum, cluster) => sum + (cluster.successes - rate * cluster.trials) ** 2, 0);
  const clusterVariance = ((count / (count - 1)) * squaredResiduals) / (trials * trials);
  return clusterVariance / binomialVariance;
}
