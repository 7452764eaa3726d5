import { replayMatch, type Seat, teamOf } from '@guandan/engine';
import type { GameObservation } from '../observations.js';
import type { Signal } from '../signal.js';
import { bothRequired, ramp, rounded } from '../scoring.js';
import { opposedPairs } from '../seating.js';
import type { Detector } from './detector.js';
import { REPORT_FLOOR } from './detector.js';

export const COIN_DUMPING = 'coin-dumping';

/**
 * Fewer games with a stake against one opponent say nothing: among the many pairs that meet a few times, a streak
 * of bad deals (losing 8 of 9 happens to one pair in 50) is common.
 */
const MIN_SHARED_GAMES = 10;
/**
 * The share of those games lost (coins paid). Between even sides it is a half; a dumper loses nearly all. 0.8 keeps
 * a merely stronger opponent (who wins, say, two in three) out of the queue.
 */
const LOSS_SHARE_THRESHOLD = 0.8;
/** A game between even sides is lost half the time: the share that is no evidence at all. */
const EVEN_LOSS_SHARE = 0.5;
/**
 * How many standard deviations the levels the account gave away, deal by deal, against that opponent lie below
 * what its other stake games predict. Levels, not just wins: a dumper's team finishes last, so it loses big, and
 * that is evidence a plain count of losses throws away. Hundreds of pairs are judged; at 4 (one in 30,000 under a
 * normal tail), together with the loss share, chance flags almost none.
 */
const Z_THRESHOLD = 4;
/** The account's own average per deal is pulled toward 0 (even) as if from this many deals, so a thin record is not noise. */
const PRIOR_DEALS = 20;
/**
 * The spread of one deal's result between even sides, in levels²: a deal is won or lost by 1, 2 or 3 levels, about
 * equally often, so the mean square is (1 + 4 + 9) / 3 ≈ 4.7. The account's own spread is pulled toward it.
 */
const PRIOR_DEAL_VARIANCE = 4.7;

type DealResults = { team: number; rise: number }[];

interface Flow {
  games: GameObservation[];
  lost: number;
  loserCoins: number;
  winnerCoins: number;
  loserSeats: Seat[];
}

/** Each deal of a game as levels won (+rise) or lost (−rise) by a seat's team, from the replay. */
function dealLevels(game: GameObservation, seat: Seat, cache: Map<string, DealResults>): number[] {
  let deals = cache.get(game.gameId);
  if (deals === undefined) {
    deals = replayMatch({ seed: game.seed, rules: game.rules }, game.actions).history.map((deal) => ({ team: deal.team, rise: deal.rise }));
    cache.set(game.gameId, deals);
  }
  return deals.map((deal) => (deal.team === teamOf(seat) ? deal.rise : -deal.rise));
}

/**
 * Coin dumping: an account that loses far more than chance in games with a stake against one particular opponent,
 * its coins flowing one way to that opponent. Games where coins changed hands are counted first; the few pairs
 * where one side lost most of them are replayed to weigh how much was lost against the loser's other games.
 */
export const detectCoinDumping: Detector = ({ games }) => {
  const stakeGames = new Map<string, { game: GameObservation; seat: Seat }[]>();
  const flows = new Map<string, Flow>();
  for (const game of games) {
    if (game.coinDelta.every((delta) => delta === 0)) continue;
    game.seats.forEach((account, seat) => {
      if (account === null) return;
      const own = stakeGames.get(account) ?? [];
      own.push({ game, seat: seat as Seat });
      stakeGames.set(account, own);
    });
    for (const pair of opposedPairs(game)) {
      for (const [loser, loserSeat, winner, winnerSeat] of [
        [pair.first, pair.firstSeat, pair.second, pair.secondSeat],
        [pair.second, pair.secondSeat, pair.first, pair.firstSeat],
      ] as const) {
        const key = `${loser}\u0000${winner}`;
        const flow = flows.get(key) ?? { games: [], lost: 0, loserCoins: 0, winnerCoins: 0, loserSeats: [] };
        flow.games.push(game);
        flow.loserSeats.push(loserSeat);
        if (game.coinDelta[loserSeat] < 0) flow.lost++;
        flow.loserCoins += game.coinDelta[loserSeat];
        flow.winnerCoins += game.coinDelta[winnerSeat];
        flows.set(key, flow);
      }
    }
  }

  const dealsCache = new Map<string, { team: number; rise: number }[]>();
  const signals: Signal[] = [];
  for (const [key, flow] of flows) {
    const shared = flow.games.length;
    const lossShare = flow.lost / shared;
    const shareScore = ramp(lossShare, EVEN_LOSS_SHARE, LOSS_SHARE_THRESHOLD);
    if (shared < MIN_SHARED_GAMES || flow.loserCoins >= 0 || flow.winnerCoins <= 0 || shareScore < REPORT_FLOOR) continue;
    const [loser, winner] = key.split('\u0000');
    const sharedIds = new Set(flow.games.map((game) => game.gameId));
    const against = flow.games.flatMap((game, i) => dealLevels(game, flow.loserSeats[i], dealsCache));
    const elsewhere = (stakeGames.get(loser) ?? [])
      .filter(({ game }) => !sharedIds.has(game.gameId))
      .flatMap(({ game, seat }) => dealLevels(game, seat, dealsCache));
    const habit = elsewhere.reduce((sum, levels) => sum + levels, 0) / (elsewhere.length + PRIOR_DEALS);
    const variance = (elsewhere.reduce((sum, levels) => sum + (levels - habit) ** 2, 0) + PRIOR_DEALS * PRIOR_DEAL_VARIANCE) / (elsewhere.length + PRIOR_DEALS);
    const given = against.reduce((sum, levels) => sum + levels, 0);
    const z = (against.length * habit - given) / Math.sqrt(variance * against.length);
    const score = bothRequired(ramp(z, 0, Z_THRESHOLD), shareScore);
    if (score < REPORT_FLOOR) continue;
    signals.push({
      detector: COIN_DUMPING,
      accounts: [loser, winner].sort(),
      score,
      summary:
        `${loser} lost ${flow.lost} of ${shared} stake games against ${winner}, giving away ${-given} levels in ${against.length} deals ` +
        `where its other games predict ${rounded(-against.length * habit, 1)} (z = ${z.toFixed(1)}); ${loser} ${flow.loserCoins} coins, ${winner} +${flow.winnerCoins}`,
      evidence: {
        loser,
        beneficiary: winner,
        sharedGames: shared,
        gameIds: flow.games.slice(0, 30).map((game) => game.gameId),
        lost: flow.lost,
        lossShare: rounded(lossShare),
        deals: against.length,
        levelsNet: given,
        levelsPerDealElsewhere: rounded(habit, 3),
        dealsElsewhere: elsewhere.length,
        z: rounded(z, 2),
        loserCoins: flow.loserCoins,
        beneficiaryCoins: flow.winnerCoins,
        thresholds: { z: Z_THRESHOLD, lossShare: LOSS_SHARE_THRESHOLD, minSharedGames: MIN_SHARED_GAMES },
      },
    });
  }
  return signals;
};
