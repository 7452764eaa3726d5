import { MILLI_PER_PLAY } from '../observations.js';
import type { GameObservation } from '../observations.js';
import type { Signal } from '../signal.js';
import { anyTwoOf, ramp, rounded } from '../scoring.js';
import { median } from '../statistics.js';
import type { Detector } from './detector.js';
import { REPORT_FLOOR } from './detector.js';

export const REWARD_FARMING = 'reward-farming';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/**
 * Games started in any 24 hours. A two-deal game takes a person about ten minutes; 48 games is eight hours of play
 * without a pause between games, beyond even a keen player's long day.
 */
const GAMES_PER_DAY_THRESHOLD = 48;
/** A pause this long between the starts of two games is sleep (or a life); people take one every day. */
const BREAK_MS = 4 * HOUR_MS;
/** Hours of play with no 4-hour break. A marathon evening and morning stay under 20; round the clock does not. */
const STRETCH_HOURS_THRESHOLD = 20;
/**
 * Median seconds per action over the account's games (everyone's actions, the deal animations between). People take
 * one to five seconds a move and the table's bots about one; under a second per action the whole table is hurrying.
 */
const SECONDS_PER_ACTION_THRESHOLD = 1;

interface Activity {
  games: GameObservation[];
  rewardMilli: number;
  rewardByDay: Map<number, number>;
}

function activities(games: readonly GameObservation[]): Map<string, Activity> {
  const byAccount = new Map<string, Activity>();
  for (const game of games) {
    game.seats.forEach((account, seat) => {
      if (account === null) return;
      const activity = byAccount.get(account) ?? { games: [], rewardMilli: 0, rewardByDay: new Map<number, number>() };
      activity.games.push(game);
      const reward = game.rewardPlay?.[seat] ?? 0;
      activity.rewardMilli += reward;
      const day = Math.floor(game.endedAt / DAY_MS);
      activity.rewardByDay.set(day, (activity.rewardByDay.get(day) ?? 0) + reward);
      byAccount.set(account, activity);
    });
  }
  return byAccount;
}

/** The most games started within any 24 hours, and the first game of that window. */
function busiestDay(games: readonly GameObservation[]): { count: number; from: GameObservation } {
  let best = { count: 0, from: games[0] };
  let start = 0;
  for (let end = 0; end < games.length; end++) {
    while (games[end].startedAt - games[start].startedAt >= DAY_MS) start++;
    if (end - start + 1 > best.count) best = { count: end - start + 1, from: games[start] };
  }
  return best;
}

/**
 * The longest run of games with less than BREAK_MS between one game's start and the next one's, from its first
 * start to its last, in hours. Start to start, so that how long the games themselves took does not move it.
 */
function longestStretchHours(games: readonly GameObservation[]): number {
  let longest = 0;
  let stretchStart = games[0].startedAt;
  for (let i = 1; i < games.length; i++) {
    if (games[i].startedAt - games[i - 1].startedAt >= BREAK_MS) stretchStart = games[i].startedAt;
    longest = Math.max(longest, games[i].startedAt - stretchStart);
  }
  return longest / HOUR_MS;
}

/**
 * Reward farming: $PLAY earned by playing in a way no person does: too many games a day, round the clock, or at a
 * pace no table of people keeps. Any one of these a keen person might show; two together flag.
 */
export const detectRewardFarming: Detector = ({ games }) => {
  const signals: Signal[] = [];
  for (const [account, activity] of activities(games)) {
    if (activity.rewardMilli <= 0) continue;
    const ordered = [...activity.games].sort((a, b) => a.startedAt - b.startedAt);
    const busiest = busiestDay(ordered);
    const stretch = longestStretchHours(ordered);
    const secondsPerAction = median(ordered.map((game) => (game.endedAt - game.startedAt) / 1000 / Math.max(1, game.actions.length)));
    const indicators = {
      gamesPerDay: ramp(busiest.count, 0, GAMES_PER_DAY_THRESHOLD),
      roundTheClock: ramp(stretch, 0, STRETCH_HOURS_THRESHOLD),
      pace: ramp(secondsPerAction, 2 * SECONDS_PER_ACTION_THRESHOLD, SECONDS_PER_ACTION_THRESHOLD),
    };
    const score = anyTwoOf(Object.values(indicators));
    if (score < REPORT_FLOOR) continue;
    const playEarned = activity.rewardMilli / MILLI_PER_PLAY;
    const activeDays = activity.rewardByDay.size;
    signals.push({
      detector: REWARD_FARMING,
      accounts: [account],
      score,
      summary:
        `${account} earned ${playEarned} PLAY over ${activeDays} days playing up to ${busiest.count} games in 24 hours, ` +
        `${stretch.toFixed(1)} hours without a 4-hour break, at ${secondsPerAction.toFixed(2)} s per action`,
      evidence: {
        playEarned,
        playPerActiveDay: rounded(playEarned / activeDays, 1),
        games: ordered.length,
        busiestDay: { games: busiest.count, fromGameId: busiest.from.gameId, from: new Date(busiest.from.startedAt).toISOString() },
        longestStretchHours: rounded(stretch, 1),
        medianSecondsPerAction: rounded(secondsPerAction, 2),
        indicators: { gamesPerDay: rounded(indicators.gamesPerDay), roundTheClock: rounded(indicators.roundTheClock), pace: rounded(indicators.pace) },
        thresholds: { gamesPerDay: GAMES_PER_DAY_THRESHOLD, stretchHours: STRETCH_HOURS_THRESHOLD, secondsPerAction: SECONDS_PER_ACTION_THRESHOLD },
      },
    });
  }
  return signals;
};
