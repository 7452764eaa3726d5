import { flaggedAccounts, type Signal } from '../signal.js';
import { ACCOUNT_KINDS, type AccountKind, CHEATER_KINDS } from './model.js';

/** One row of the confusion table: accounts of a kind, how many were flagged, and that share. */
export interface ConfusionRow {
  label: AccountKind | 'all cheaters';
  accounts: number;
  flagged: number;
  /** Recall for cheaters, the false-positive rate for honest accounts. */
  rate: number;
  /** The range of the accounts' best signal scores (0 without one): how close the hardest case came to the threshold. */
  lowestScore: number;
  highestScore: number;
}

/** Per detector: signals at or above the threshold, and the distinct accounts they name, by kind. */
export interface DetectorCount {
  detector: string;
  signals: number;
  named: Record<AccountKind, number>;
  /** The highest score this detector gave a signal naming an honest account, flagged or not: its margin. */
  highestHonestScore: number;
}

export interface Confusion {
  threshold: number;
  rows: ConfusionRow[];
  cheaters: ConfusionRow;
  detectors: DetectorCount[];
}

/** Compares the flagged accounts with the ground truth. */
export function confusion(signals: readonly Signal[], truth: ReadonlyMap<string, AccountKind>, detectors: readonly string[], threshold: number): Confusion {
  const flagged = new Set(flaggedAccounts(signals, threshold));
  const best = new Map<string, number>();
  for (const signal of signals) for (const account of signal.accounts) best.set(account, Math.max(best.get(account) ?? 0, signal.score));
  const row = (label: ConfusionRow['label'], members: string[]): ConfusionRow => {
    const hits = members.filter((account) => flagged.has(account)).length;
    const scores = members.map((account) => best.get(account) ?? 0);
    return {
      label,
      accounts: members.length,
      flagged: hits,
      rate: members.length === 0 ? 0 : hits / members.length,
      lowestScore: Math.min(1, ...scores),
      highestScore: Math.max(0, ...scores),
    };
  };
  const ofKind = (kind: AccountKind): string[] => [...truth].filter(([, own]) => own === kind).map(([account]) => account);
  const cheaterAccounts = [...truth].filter(([, kind]) => kind !== 'honest').map(([account]) => account);
  const detectorCounts = detectors.map((detector): DetectorCount => {
    const raised = signals.filter((signal) => signal.detector === detector && signal.score >= threshold);
    const named = Object.fromEntries(ACCOUNT_KINDS.map((kind) => [kind, 0])) as Record<AccountKind, number>;
    for (const account of new Set(raised.flatMap((signal) => signal.accounts))) named[truth.get(account) ?? 'honest']++;
    const honestScores = signals
      .filter((signal) => signal.detector === detector && signal.accounts.some((account) => (truth.get(account) ?? 'honest') === 'honest'))
      .map((signal) => signal.score);
    return { detector, signals: raised.length, named, highestHonestScore: Math.max(0, ...honestScores) };
  });
  return {
    threshold,
    rows: [...CHEATER_KINDS.map((kind) => row(kind, ofKind(kind))), row('honest', ofKind('honest'))],
    cheaters: row('all cheaters', cheaterAccounts),
    detectors: detectorCounts,
  };
}
