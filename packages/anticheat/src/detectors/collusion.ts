import type { Signal } from '../signal.js';
import { bothRequired, ramp, rounded } from '../scoring.js';
import { opposedPairs, pairKey, pairOfKey } from '../seating.js';
import type { Detector } from './detector.js';
import { REPORT_FLOOR } from './detector.js';
import { FAVOUR_KINDS, type FavourChance, favourChances, type FavourKind } from './favours.js';

export const COLLUSION = 'collusion';

/**
 * Pairs that met fewer times than this on opposite sides are not judged: a game or two of odd play against a
 * stranger (a player throwing a game against whoever happens to sit there) is not collusion with that stranger.
 */
const MIN_SHARED_GAMES = 5;
/**
 * How many standard deviations the favours between two accounts must exceed what their play against everyone else
 * predicts. Thousands of pairs are judged; at 4.5 a normal tail gives about one false alarm in 300,000 pairs.
 */
const Z_THRESHOLD = 4.5;
/**
 * And by how much per chance: a huge sample could make a tiny habit significant; one favour in every ~7 chances
 * beyond the account's own habit is a pattern a moderator can see in the replays.
 */
const EXCESS_THRESHOLD = 0.15;
/** The account's own rate is pulled toward everyone's rate as if from this many chances, so a thin record is not noise. */
const PRIOR_CHANCES = 20;
/** Replay positions kept as examples in the evidence per direction. */
const EXAMPLES = 10;

interface Tally {
  chances: number;
  favours: number;
}
type Tallies = Record<FavourKind, Tally>;

function emptyTallies(): Tallies {
  return { 'pass-close': { chances: 0, favours: 0 }, 'pass-far': { chances: 0, favours: 0 }, 'bomb-withheld': { chances: 0, favours: 0 }, feed: { chances: 0, favours: 0 } };
}

function add(tallies: Tallies, chance: FavourChance): void {
  tallies[chance.kind].chances++;
  if (chance.favoured) tallies[chance.kind].favours++;
}

/** What one account did toward one opponent, against what its play toward everyone else predicts. */
interface Direction {
  from: string;
  to: string;
  chances: number;
  favours: number;
  expected: number;
  variance: number;
  byKind: { [kind: string]: { chances: number; favours: number; expected: number } };
  examples: { gameId: string; index: number; kind: FavourKind }[];
}

const directionKey = (from: string, to: string): string => `${from}\u0000${to}`;

/**
 * Collusion across teams: two accounts on opposite sides that soft-play each other. Every decision is replayed to
 * know what the seat could have played; each account's favours toward one opponent are compared with its own
 * habit toward all other opponents (bots included), kind by kind.
 */
export const detectCollusion: Detector = ({ games }) => {
  const byAccount = new Map<string, Tallies>();
  const byDirection = new Map<string, { tallies: Tallies; examples: FavourChance[] }>();
  const everyone = emptyTallies();
  const sharedGames = new Map<string, string[]>();

  for (const game of games) {
    for (const pair of opposedPairs(game)) {
      const key = pairKey(pair.first, pair.second);
      const shared = sharedGames.get(key);
      if (shared === undefined) sharedGames.set(key, [game.gameId]);
      else shared.push(game.gameId);
    }
    for (const chance of favourChances(game)) {
      add(everyone, chance);
      let own = byAccount.get(chance.actor);
      if (own === undefined) byAccount.set(chance.actor, (own = emptyTallies()));
      add(own, chance);
      if (chance.target === null) continue;
      const key = directionKey(chance.actor, chance.target);
      let direction = byDirection.get(key);
      if (direction === undefined) byDirection.set(key, (direction = { tallies: emptyTallies(), examples: [] }));
      add(direction.tallies, chance);
      if (chance.favoured && direction.examples.length < EXAMPLES) direction.examples.push(chance);
    }
  }

  const everyoneRate = (kind: FavourKind): number => (everyone[kind].chances === 0 ? 0 : everyone[kind].favours / everyone[kind].chances);

  const judgeDirection = (from: string, to: string): Direction => {
    const toward = byDirection.get(directionKey(from, to));
    const own = byAccount.get(from) ?? emptyTallies();
    const result: Direction = { from, to, chances: 0, favours: 0, expected: 0, variance: 0, byKind: {}, examples: [] };
    if (toward === undefined) return result;
    for (const kind of FAVOUR_KINDS) {
      const { chances, favours } = toward.tallies[kind];
      if (chances === 0) continue;
      const otherChances = own[kind].chances - chances;
      const otherFavours = own[kind].favours - favours;
      const habit = (otherFavours + PRIOR_CHANCES * everyoneRate(kind)) / (otherChances + PRIOR_CHANCES);
      result.chances += chances;
      result.favours += favours;
      result.expected += chances * habit;
      result.variance += chances * habit * (1 - habit);
      result.byKind[kind] = { chances, favours, expected: rounded(chances * habit, 2) };
    }
    result.examples = toward.examples.map(({ gameId, index, kind }) => ({ gameId, index, kind }));
    return result;
  };

  const signals: Signal[] = [];
  for (const [key, gameIds] of sharedGames) {
    if (gameIds.length < MIN_SHARED_GAMES) continue;
    const [a, b] = pairOfKey(key);
    const directions = [judgeDirection(a, b), judgeDirection(b, a)];
    const chances = directions.reduce((sum, direction) => sum + direction.chances, 0);
    const favours = directions.reduce((sum, direction) => sum + direction.favours, 0);
    const expected = directions.reduce((sum, direction) => sum + direction.expected, 0);
    const variance = directions.reduce((sum, direction) => sum + direction.variance, 0);
    if (chances === 0) continue;
    const z = variance > 0 ? (favours - expected) / Math.sqrt(variance) : 0;
    const excessRate = (favours - expected) / chances;
    const score = bothRequired(ramp(z, 0, Z_THRESHOLD), ramp(excessRate, 0, EXCESS_THRESHOLD));
    if (score < REPORT_FLOOR) continue;
    signals.push({
      detector: COLLUSION,
      accounts: [a, b],
      score,
      summary:
        `${a} and ${b} favoured each other ${favours} times in ${chances} chances over ${gameIds.length} games on opposite sides, ` +
        `where their play against other opponents predicts ${expected.toFixed(1)} (z = ${z.toFixed(1)})`,
      evidence: {
        sharedGames: gameIds.length,
        gameIds: gameIds.slice(0, 20),
        chances,
        favours,
        expected: rounded(expected, 2),
        z: rounded(z, 2),
        excessRate: rounded(excessRate),
        thresholds: { z: Z_THRESHOLD, excessRate: EXCESS_THRESHOLD, minSharedGames: MIN_SHARED_GAMES },
        directions: directions.map((direction) => ({
          from: direction.from,
          to: direction.to,
          chances: direction.chances,
          favours: direction.favours,
          expected: rounded(direction.expected, 2),
          byKind: direction.byKind,
          examples: direction.examples,
        })),
      },
    });
  }
  return signals;
};
