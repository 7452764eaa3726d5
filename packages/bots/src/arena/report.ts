import { DEFAULT_RULES, type Rules } from '@guandan/engine';
import type { ArenaResult } from './arena.js';
import type { BotError } from './types.js';
import type { Interval } from './wilson.js';

/** How many errors the report lists one by one. */
const LISTED_ERRORS = 5;

/** The figures of an arena run as one aligned block of text. */
export function formatArenaReport(result: ArenaResult): string {
  const { statistics: stats, timing, levels } = result;
  const { decisionTimes } = timing;
  const dealRate = stats.dealWinRateA;
  const rows: string[][] = [
    ['seed', result.seed],
    ['matches', `${stats.matches} in ${plural(stats.pairs, 'duplicate pair')} (each seed twice, teams swapped)`],
    ['rules', describeRules(result.rules)],
    ['matches won', `A ${stats.matchWins.A}`, `B ${stats.matchWins.B}`, `drawn ${stats.drawnMatches}`],
    [
      'match win rate of A',
      fixed(stats.matchWinRateA.rate),
      interval(stats.matchWinRateA.interval),
      `Wilson over ${stats.matches} matches; a draw counts half`,
    ],
    ['deals', `${stats.deals}`],
    ['deals won', `A ${stats.dealWins.A}`, `B ${stats.dealWins.B}`],
    [
      'deal win rate of A',
      fixed(dealRate.rate),
      interval(dealRate.interval),
      dealIntervalMethod(stats.deals, stats.pairs, dealRate.designEffect),
    ],
    ['levels gained per deal', `A ${fixed(stats.levelsPerDeal.A)}`, `B ${fixed(stats.levelsPerDeal.B)}`],
    ['decisions', `A ${stats.decisions.A}`, `B ${stats.decisions.B}`],
    ['decision time, mean', `A ${levels.A} ${fixed(decisionTimes.A.meanMs)} ms`, `B ${levels.B} ${fixed(decisionTimes.B.meanMs)} ms`],
    ['decision time, p99', `A ${levels.A} ${fixed(decisionTimes.A.p99Ms)} ms`, `B ${levels.B} ${fixed(decisionTimes.B.p99Ms)} ms`],
    ['bot errors', `A ${stats.errors.A}`, `B ${stats.errors.B}`],
    ['run time', `${fixed(timing.elapsedMs / 1000, 1)} s`],
  ];
  const lines = [`Arena: A = ${levels.A}, B = ${levels.B}`, ...alignColumns(rows).map((line) => `  ${line}`)];
  const errors = result.pairs.flatMap((pair) => pair.matches.flatMap((match) => match.errors));
  if (errors.length > 0) {
    lines.push(`  first ${Math.min(LISTED_ERRORS, errors.length)} of ${errors.length} bot errors:`);
    lines.push(...errors.slice(0, LISTED_ERRORS).map((error) => `    ${describeError(error)}`));
  }
  return lines.join('\n');
}

/** Pads every cell but the last of each row to the widest cell of its column. */
export function alignColumns(rows: readonly (readonly string[])[], gap = '   '): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.slice(0, -1).forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)));
  }
  return rows.map((row) => row.map((cell, column) => (column < row.length - 1 ? cell.padEnd(widths[column]) : cell)).join(gap));
}

function dealIntervalMethod(deals: number, pairs: number, designEffect: number): string {
  const method = `Wilson over ${deals} deals`;
  if (pairs < 2) return `${method} (one pair: no design effect can be estimated)`;
  return `${method} / design effect ${fixed(Math.max(1, designEffect), 2)} (estimate ${fixed(designEffect, 2)} from ${pairs} pairs, floored at 1)`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The rule options that differ from the defaults, or "default". */
function describeRules(rules: Rules): string {
  const changed = (Object.keys(DEFAULT_RULES) as (keyof Rules)[])
    .filter((key) => JSON.stringify(rules[key]) !== JSON.stringify(DEFAULT_RULES[key]))
    .map((key) => `${key} ${JSON.stringify(rules[key])}`);
  return changed.length === 0 ? 'default' : changed.join(', ');
}

function describeError(error: BotError): string {
  const what = error.code === null ? error.reason : `${error.reason} ${error.code}`;
  const action = error.action === null ? '' : ` (action ${JSON.stringify(error.action)})`;
  return `match ${error.matchSeed}, deal ${error.dealNumber}, seat ${error.seat} (${error.side} ${error.level}): ${what}: ${error.message}${action}`;
}

function interval({ low, high }: Interval): string {
  return `95% CI [${fixed(low)}, ${fixed(high)}]`;
}

function fixed(value: number, digits = 3): string {
  return value.toFixed(digits);
}
