import { resolveRules, type Rules } from '@guandan/engine';
import type { BotLevel } from '../bot.js';
import { DecisionTimer, type DecisionTimeSummary } from './decision-timer.js';
import { playDuplicatePair } from './duplicate.js';
import { type ArenaStatistics, summarizePairs } from './statistics.js';
import type { BotFactory, DuplicatePair, Side, TransitionObserver } from './types.js';

export interface ArenaOptions {
  /** The level of side A, the side whose rates are reported. */
  a: BotLevel;
  b: BotLevel;
  /** Matches in all, an even number: each match seed is played twice, teams swapped. */
  matches: number;
  seed: string | number;
  /** Rule options; `matchEnd: {kind: 'time'}` is refused, the arena has no clock. */
  rules?: Partial<Rules>;
  createBot?: BotFactory;
  observe?: TransitionObserver;
  /** Called after each duplicate pair, e.g. for a progress line. */
  onPairPlayed?: (pairsPlayed: number, pairs: number) => void;
}

/** Decision wall times of a side, with the side's level. */
export interface SideTiming extends DecisionTimeSummary {
  level: BotLevel;
}

export interface ArenaTiming {
  decisionTimes: Record<Side, SideTiming>;
  elapsedMs: number;
}

export interface ArenaResult {
  levels: Record<Side, BotLevel>;
  seed: string;
  rules: Rules;
  pairs: DuplicatePair[];
  /** Deterministic: the same options give the same statistics. */
  statistics: ArenaStatistics;
  /** Wall-clock figures, which differ from run to run. */
  timing: ArenaTiming;
}

/** The seed of the i-th duplicate pair (from 1) of a run. */
export function pairSeed(seed: string | number, pairNumber: number): string {
  return `${seed}:${pairNumber}`;
}

/** Plays `matches / 2` duplicate pairs between levels `a` and `b` and sums them up. */
export function runArena(options: ArenaOptions): ArenaResult {
  const pairCount = pairsFor(options.matches);
  const rules = resolveRules(options.rules);
  if (rules.matchEnd.kind === 'time') throw new RangeError("the arena has no clock: use matchEnd 'a-level' or 'deals'");
  const lineup = { A: options.a, B: options.b };
  const timer = new DecisionTimer();
  const started = process.hrtime.bigint();
  const pairs: DuplicatePair[] = [];
  for (let number = 1; number <= pairCount; number++) {
    const seed = pairSeed(options.seed, number);
    pairs.push(playDuplicatePair({ seed, lineup, rules, timer, createBot: options.createBot, observe: options.observe }));
    options.onPairPlayed?.(number, pairCount);
  }
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    levels: lineup,
    seed: String(options.seed),
    rules,
    pairs,
    statistics: summarizePairs(pairs),
    timing: {
      decisionTimes: { A: { level: lineup.A, ...timer.summary('A') }, B: { level: lineup.B, ...timer.summary('B') } },
      elapsedMs,
    },
  };
}

function pairsFor(matches: number): number {
  if (!Number.isInteger(matches) || matches < 2 || matches % 2 !== 0) {
    throw new RangeError(`matches must be an even number of at least 2 (each seed is played twice), not ${matches}`);
  }
  return matches / 2;
}
