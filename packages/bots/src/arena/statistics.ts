import { clusteredRate } from './clustered-rate.js';
import type { DuplicatePair, MatchOutcome, Side } from './types.js';
import { type Interval, wilsonInterval } from './wilson.js';

/** A rate with its 95% confidence interval. */
export interface RateEstimate {
  rate: number;
  interval: Interval;
}

/** The figures of an arena run that depend only on the seed, never on timing. */
export interface ArenaStatistics {
  pairs: number;
  matches: number;
  matchWins: Record<Side, number>;
  drawnMatches: number;
  /** (A's match wins + half the draws) / matches, with the Wilson score interval over matches. */
  matchWinRateA: RateEstimate;
  deals: number;
  dealWins: Record<Side, number>;
  /** A's deal wins / deals, with a Wilson interval widened by the design effect of duplicate pairs as clusters. */
  dealWinRateA: RateEstimate & { designEffect: number };
  /** Levels gained per deal, over all deals (a side gains nothing in the deals it loses). */
  levelsPerDeal: Record<Side, number>;
  decisions: Record<Side, number>;
  errors: Record<Side, number>;
}

/** Counts and rates over all matches of the duplicate pairs. */
export function summarizePairs(pairs: readonly DuplicatePair[]): ArenaStatistics {
  const matches = pairs.flatMap((pair) => pair.matches);
  const matchWins = perSide((side) => countWhere(matches, (match) => match.winner === side));
  const drawnMatches = matches.length - matchWins.A - matchWins.B;
  const deals = matches.flatMap((match) => match.deals);
  const dealWins = perSide((side) => countWhere(deals, (deal) => deal.winner === side));
  const levelsGained = perSide((side) => sum(deals.filter((deal) => deal.winner === side).map((deal) => deal.rise)));
  const pairClusters = pairs.map((pair) => ({ successes: sum(pair.matches.map((match) => dealWinsOf(match, 'A'))), trials: dealCount(pair) }));
  const matchPoints = matchWins.A + drawnMatches / 2;
  return {
    pairs: pairs.length,
    matches: matches.length,
    matchWins,
    drawnMatches,
    matchWinRateA: { rate: ratio(matchPoints, matches.length), interval: wilsonInterval(matchPoints, matches.length) },
    deals: deals.length,
    dealWins,
    dealWinRateA: clusteredRate(pairClusters),
    levelsPerDeal: perSide((side) => ratio(levelsGained[side], deals.length)),
    decisions: perSide((side) => sum(matches.map((match) => match.decisions[side]))),
    errors: perSide((side) => countWhere(matches.flatMap((match) => match.errors), (error) => error.side === side)),
  };
}

function dealWinsOf(match: MatchOutcome, side: Side): number {
  return countWhere(match.deals, (deal) => deal.winner === side);
}

function dealCount(pair: DuplicatePair): number {
  return sum(pair.matches.map((match) => match.deals.length));
}

function perSide(value: (side: Side) => number): Record<Side, number> {
  return { A: value('A'), B: value('B') };
}

function countWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.reduce((count, item) => count + (test(item) ? 1 : 0), 0);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? Number.NaN : numerator / denominator;
}
