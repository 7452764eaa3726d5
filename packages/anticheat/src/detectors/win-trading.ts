import { teamOf } from '@guandan/engine';
import type { GameObservation } from '../observations.js';
import type { Signal } from '../signal.js';
import { bothRequired, ramp, rounded } from '../scoring.js';
import { opposedPairs, pairKey, pairOfKey } from '../seating.js';
import { poissonSurprise } from '../statistics.js';
import type { Detector } from './detector.js';
import { REPORT_FLOOR } from './detector.js';

export const WIN_TRADING = 'win-trading';

/**
 * Ranked matchmaking draws from whoever queues at the same time; an hour is the pool a game is drawn from. Two
 * accounts who both play at 3 a.m. when few others do meet often by chance, and the hourly pools allow for that.
 */
const POOL_MS = 60 * 60 * 1000;
/** Fewer meetings do not show a pattern of results. */
const MIN_MEETINGS = 6;
/**
 * -log10 of the chance of meeting that often under random matchmaking. Every pair of ranked players is judged, tens
 * of thousands of them; at 6 (one in a million) chance alone flags almost none.
 */
const SURPRISE_THRESHOLD = 6;
/** Independent results switch winner half the time; traders taking turns switch nearly always. */
const ALTERNATION_THRESHOLD = 0.75;
/** Between even players either one wins half the meetings; a pair where one always wins is boosting one account. */
const ONE_SIDED_THRESHOLD = 0.75;
const EVEN = 0.5;

interface Meeting {
  gameId: string;
  startedAt: number;
  /** The account of the pair whose team won, or null for a draw. */
  winner: string | null;
}

/** Ranked games per hourly pool, and each account's games in each pool. */
function pools(ranked: readonly GameObservation[]): { games: Map<number, number>; byAccount: Map<string, Map<number, number>> } {
  const games = new Map<number, number>();
  const byAccount = new Map<string, Map<number, number>>();
  for (const game of ranked) {
    const pool = Math.floor(game.startedAt / POOL_MS);
    games.set(pool, (games.get(pool) ?? 0) + 1);
    for (const account of new Set(game.seats)) {
      if (account === null) continue;
      const own = byAccount.get(account) ?? new Map<number, number>();
      own.set(pool, (own.get(pool) ?? 0) + 1);
      byAccount.set(account, own);
    }
  }
  return { games, byAccount };
}

/**
 * Meetings on opposite sides that random matchmaking gives: in a pool of G games, each of a's games has two
 * opponent seats among the 4G − 1 other seats, b holding its games' worth of them; never more than either played.
 */
function expectedMeetings(a: Map<number, number>, b: Map<number, number>, games: Map<number, number>): number {
  let expected = 0;
  for (const [pool, aGames] of a) {
    const bGames = b.get(pool);
    if (bGames === undefined) continue;
    const seats = 4 * (games.get(pool) ?? 1) - 1;
    expected += Math.min(aGames, bGames, (2 * aGames * bGames) / seats);
  }
  return expected;
}

/** The share of consecutive decided meetings whose winner differs from the one before. */
function alternation(winners: readonly string[]): number {
  if (winners.length < 2) return 0;
  let switches = 0;
  for (let i = 1; i < winners.length; i++) if (winners[i] !== winners[i - 1]) switches++;
  return switches / (winners.length - 1);
}

/**
 * Win trading in ranked: the same two accounts meeting on opposite sides again and again, far above what random
 * matchmaking gives, with results that take turns or always go the same way.
 */
export const detectWinTrading: Detector = ({ games }) => {
  const ranked = games.filter((game) => game.mode === 'ranked');
  const { games: poolGames, byAccount } = pools(ranked);
  const meetings = new Map<string, Meeting[]>();
  for (const game of ranked) {
    for (const pair of opposedPairs(game)) {
      const key = pairKey(pair.first, pair.second);
      const winner =
        game.winningTeam === null ? null : teamOf(pair.firstSeat) === game.winningTeam ? pair.first : pair.second;
      const list = meetings.get(key) ?? [];
      list.push({ gameId: game.gameId, startedAt: game.startedAt, winner });
      meetings.set(key, list);
    }
  }

  const signals: Signal[] = [];
  for (const [key, list] of meetings) {
    if (list.length < MIN_MEETINGS) continue;
    const [a, b] = pairOfKey(key);
    const expected = expectedMeetings(byAccount.get(a) ?? new Map(), byAccount.get(b) ?? new Map(), poolGames);
    const surprise = poissonSurprise(list.length, expected);
    const ordered = [...list].sort((x, y) => x.startedAt - y.startedAt || (x.gameId < y.gameId ? -1 : 1));
    const winners = ordered.flatMap((meeting) => (meeting.winner === null ? [] : [meeting.winner]));
    const aWins = winners.filter((winner) => winner === a).length;
    const switching = alternation(winners);
    const oneSided = winners.length === 0 ? 0 : Math.max(aWins, winners.length - aWins) / winners.length;
    const pattern = Math.max(ramp(switching, EVEN, ALTERNATION_THRESHOLD), ramp(oneSided, EVEN, ONE_SIDED_THRESHOLD));
    const score = bothRequired(ramp(surprise, 0, SURPRISE_THRESHOLD), pattern);
    if (score < REPORT_FLOOR) continue;
    signals.push({
      detector: WIN_TRADING,
      accounts: [a, b],
      score,
      summary:
        `${a} and ${b} met ${list.length} times on opposite sides in ranked where matchmaking gives ${expected.toFixed(2)}; ` +
        `${a} won ${aWins}, ${b} ${winners.length - aWins}, the winner switching in ${Math.round(switching * 100)}% of consecutive meetings`,
      evidence: {
        meetings: list.length,
        expectedMeetings: rounded(expected, 3),
        surprise: rounded(surprise, 2),
        wins: { [a]: aWins, [b]: winners.length - aWins },
        draws: list.length - winners.length,
        alternation: rounded(switching),
        oneSided: rounded(oneSided),
        sequence: ordered.map((meeting) => ({ gameId: meeting.gameId, winner: meeting.winner })),
        thresholds: { surprise: SURPRISE_THRESHOLD, alternation: ALTERNATION_THRESHOLD, oneSided: ONE_SIDED_THRESHOLD, minMeetings: MIN_MEETINGS },
      },
    });
  }
  return signals;
};
