/** Plain JSON: what a signal carries as evidence, so a moderation case can store and show it as it is. */
export type Evidence = string | number | boolean | null | Evidence[] | { [key: string]: Evidence };

/**
 * One suspicion raised by one detector about one or more accounts. Nothing acts on a signal by itself: the
 * operator console opens a moderation case, and a person decides.
 */
export interface Signal {
  detector: string;
  /** The accounts the suspicion is about, sorted, so the same suspicion always reads the same. */
  accounts: string[];
  /** 0..1; 0.5 is where the detector's own threshold is crossed, 1 is evidence twice as strong or more. */
  score: number;
  summary: string;
  /** Game ids, action indexes (replay positions) and the figures the score was computed from. */
  evidence: { [key: string]: Evidence };
}

/** The score at which every detector's own threshold is crossed (see `Signal.score`). */
export const DEFAULT_FLAG_THRESHOLD = 0.5;

/** The accounts named by at least one signal scoring `threshold` or more, sorted. */
export function flaggedAccounts(signals: readonly Signal[], threshold: number = DEFAULT_FLAG_THRESHOLD): string[] {
  const flagged = new Set<string>();
  for (const signal of signals) {
    if (signal.score >= threshold) for (const account of signal.accounts) flagged.add(account);
  }
  return [...flagged].sort();
}
