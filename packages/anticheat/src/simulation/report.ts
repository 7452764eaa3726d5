import type { Confusion } from './confusion.js';
import { ACCOUNT_KINDS } from './model.js';
import type { SimulationResult } from './run.js';

/** Targets the detectors are held to in the simulation. */
export const TARGETS = { recall: 0.9, falsePositiveRate: 0.01 } as const;

export interface RunTimes {
  planSeconds: number;
  playSeconds: number;
  detectSeconds: number;
  workers: number;
}

const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')).join('\n');
}

/** Accounts, flagged and the rate per kind; the best scores show how near the threshold the closest case came. */
export function confusionTable(confusion: Confusion): string {
  const rows = [['accounts', 'count', 'flagged', 'rate', 'best scores']];
  for (const row of [...confusion.rows, confusion.cheaters]) {
    const label = row.label === 'honest' ? 'honest (false positives)' : `${row.label} (recall)`;
    rows.push([label, String(row.accounts), String(row.flagged), percent(row.rate), `${row.lowestScore.toFixed(2)}-${row.highestScore.toFixed(2)}`]);
  }
  return table(rows);
}

/** Which detector flags which kind of account: a kind is often caught by more than one. */
export function detectorTable(confusion: Confusion): string {
  const rows = [['accounts flagged by', 'signals', ...ACCOUNT_KINDS, 'top honest score']];
  for (const count of confusion.detectors) {
    rows.push([count.detector, String(count.signals), ...ACCOUNT_KINDS.map((kind) => String(count.named[kind])), count.highestHonestScore.toFixed(2)]);
  }
  return table(rows);
}

/** The whole report of a run, as printed by the command. */
export function formatSimulationReport(result: SimulationResult, times: RunTimes): string {
  const { options, population } = result.plan;
  const { confusion } = result;
  const decisions = result.games.reduce((sum, game) => sum + game.actions.length, 0);
  const honest = confusion.rows.find((row) => row.label === 'honest');
  const recallMet = confusion.cheaters.rate >= TARGETS.recall;
  const falsePositivesMet = (honest?.rate ?? 0) <= TARGETS.falsePositiveRate;
  return [
    'Anti-cheat simulation',
    `  seed ${options.seed}; ${population.accounts.length} accounts (${options.honest} honest, ${options.groups} groups of each kind of cheater); ${options.gamesPerAccount} games each over ${options.days} days`,
    `  ${result.games.length} games of two deals, ${decisions} actions; ${result.signals.length} signals, flagged at score >= ${confusion.threshold}`,
    `  time: plan ${times.planSeconds.toFixed(1)} s, play ${times.playSeconds.toFixed(1)} s on ${times.workers} threads, detect ${times.detectSeconds.toFixed(1)} s`,
    '',
    confusionTable(confusion),
    '',
    detectorTable(confusion),
    '',
    `  recall ${percent(confusion.cheaters.rate)} (target >= ${percent(TARGETS.recall)}): ${recallMet ? 'met' : 'NOT met'}`,
    `  false-positive rate ${percent(honest?.rate ?? 0)} (target <= ${percent(TARGETS.falsePositiveRate)}): ${falsePositivesMet ? 'met' : 'NOT met'}`,
  ].join('\n');
}
