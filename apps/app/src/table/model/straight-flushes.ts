import type { HandCard } from './hand';

/**
 * The natural straight flushes a hand holds, for 理牌's "pull the straight flushes out" press.
 *
 * Only natural cards count: the wild ♥ level card and the jokers are never spent here, because using the wild to
 * complete a run is a strategic choice the player makes by grouping it by hand. Among the ways to cut a suit into
 * runs, the one with the most runs wins, then the one with the highest runs (an A-high run over a 5-high one).
 * Each run lists its keys from its top card down (5 4 3 2 A for the A-low run).
 */
export function findStraightFlushes(cards: readonly HandCard[]): string[][] {
  const runs: string[][] = [];
  for (const suit of ['S', 'H', 'C', 'D'] as const) {
    // Keys by natural rank index (0 = '2' ... 12 = 'A'), in hand order.
    const byRank: string[][] = Array.from({ length: 13 }, () => []);
    for (const card of cards) if (card.suit === suit && !card.isWild) byRank[RANK_INDEX[card.rankLabel]].push(card.key);
    const counts = byRank.map((keys) => keys.length);
    const starts = bestRuns(counts, RUNS.length - 1);
    const taken = new Array<number>(13).fill(0);
    for (const start of starts) {
      runs.push(
        [...RUNS[start]].reverse().map((rank) => {
          const key = byRank[rank][taken[rank]];
          taken[rank]++;
          return key;
        }),
      );
    }
  }
  return runs;
}

const RANK_INDEX: Record<string, number> = Object.fromEntries(
  ['2', '3', '4', '5', '6', '7', '8', '9', '10', 'J', 'Q', 'K', 'A'].map((label, index) => [label, index]),
);

/** The ten five-card runs by rank index, lowest first: A2345 (the ace plays low), 23456, ..., TJQKA. */
const RUNS: readonly (readonly number[])[] = [
  [12, 0, 1, 2, 3],
  ...Array.from({ length: 9 }, (_, start) => Array.from({ length: 5 }, (_, offset) => start + offset)),
];

/**
 * The best set of runs (indices into RUNS, highest first) that `counts` can supply, using only runs up to `maxRun`
 * so each set is searched once. A suit holds at most two copies of a rank, so the search stays tiny.
 */
function bestRuns(counts: number[], maxRun: number): number[] {
  let best: number[] = [];
  for (let run = maxRun; run >= 0; run--) {
    if (!RUNS[run].every((rank) => counts[rank] > 0)) continue;
    for (const rank of RUNS[run]) counts[rank]--;
    const candidate = [run, ...bestRuns(counts, run)];
    for (const rank of RUNS[run]) counts[rank]++;
    if (better(candidate, best)) best = candidate;
  }
  return best;
}

/** More runs first; then, run by run from the highest, the higher run. Both lists are sorted highest first. */
function better(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return a.length > b.length;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return a[index] > b[index];
  return false;
}
