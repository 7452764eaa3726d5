import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { detectWinTrading, WIN_TRADING } from '../src/detectors/win-trading.js';
import type { GameObservation, PerSeat } from '../src/observations.js';
import { DEFAULT_FLAG_THRESHOLD, flaggedAccounts } from '../src/signal.js';
import { Random } from '../src/simulation/random.js';
import { DAY, FC_SEED, HOUR, record, START } from './support/games.js';

const POOL = Array.from({ length: 60 }, (_, i) => `p${i}`);

/** Ranked games among 60 players drawn at random, a few an hour over a week. */
function randomRanked(random: Random, count: number, from = 0): GameObservation[] {
  return Array.from({ length: count }, (_, n) => {
    const seats = random.shuffled(POOL).slice(0, 4) as PerSeat<string | null>;
    const startedAt = START + Math.floor(((n + from) / count) * 7 * DAY);
    return record(`r-${from + n}`, seats, { startedAt, winningTeam: random.chance(0.5) ? 0 : 1 });
  });
}

/** `a` (seat 0) and `b` (seat 1) meeting in ranked, `winners` saying who won each meeting. */
function meetings(winners: readonly ('a' | 'b')[], random: Random): GameObservation[] {
  return winners.map((winner, n) => {
    const others = random.shuffled(POOL).slice(0, 2);
    return record(`m-${n}`, ['a', 'b', others[0], others[1]], { startedAt: START + n * 5 * HOUR, winningTeam: winner === 'a' ? 0 : 1 });
  });
}

const run = (games: readonly GameObservation[]) => detectWinTrading({ games, accounts: [], options: {} });
const scoreOf = (games: readonly GameObservation[]): number => run(games).find((signal) => signal.accounts.join() === 'a,b')?.score ?? 0;

describe('win trading', () => {
  it('flags two accounts meeting again and again in ranked and taking turns to win', () => {
    const random = new Random('win-trading');
    const alternating = Array.from({ length: 20 }, (_, n) => (n % 2 === 0 ? 'a' : 'b') as 'a' | 'b');
    const games = [...randomRanked(random, 300), ...meetings(alternating, random)];
    const signal = run(games).find((candidate) => candidate.accounts.join() === 'a,b');
    assert.ok(signal !== undefined && signal.score >= DEFAULT_FLAG_THRESHOLD, `score ${signal?.score}`);
    assert.equal(signal.detector, WIN_TRADING);
    assert.ok((signal.evidence.expectedMeetings as number) < 5);
  });

  it('flags one-sided results too, but not frequent meetings with even, independent results', () => {
    const random = new Random('one-sided');
    const background = randomRanked(random, 300);
    assert.ok(scoreOf([...background, ...meetings(Array(20).fill('a'), random)]) >= DEFAULT_FLAG_THRESHOLD);
    // Results that switch about half the time and split evenly, as independent games between even players do.
    const even = Array.from({ length: 20 }, (_, n) => (Math.floor(n / 2) % 2 === 0 ? 'a' : 'b') as 'a' | 'b');
    assert.ok(scoreOf([...background, ...meetings(even, random)]) < DEFAULT_FLAG_THRESHOLD);
  });

  it('flags nobody in random matchmaking', () => {
    assert.deepEqual(flaggedAccounts(run(randomRanked(new Random('random'), 600))), []);
  });

  it('ignores games that are not ranked', () => {
    const random = new Random('quick');
    const games = [...randomRanked(random, 300), ...meetings(Array(20).fill('a'), random)].map((game) => ({ ...game, mode: 'quick' as const }));
    assert.deepEqual(run(games), []);
  });

  it('is symmetric in the two accounts and never scores lower for one more alternating meeting', () => {
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 30 }), fc.integer({ min: 0, max: 1000 }), (count, seed) => {
        const random = new Random(`property:${seed}`);
        const background = randomRanked(random, 200);
        const alternating = (n: number): ('a' | 'b')[] => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'a' : 'b'));
        const fewer = [...background, ...meetings(alternating(count), new Random(`m:${seed}`))];
        const more = [...background, ...meetings(alternating(count + 1), new Random(`m:${seed}`))];
        assert.ok(scoreOf(more) >= scoreOf(fewer), `${scoreOf(more)} < ${scoreOf(fewer)}`);
        const swapped = fewer.map((game) => ({ ...game, seats: game.seats.map((seat) => (seat === 'a' ? 'b' : seat === 'b' ? 'a' : seat)) as PerSeat<string | null> }));
        assert.equal(scoreOf(swapped), scoreOf(fewer));
      }),
      { seed: FC_SEED, numRuns: 20 },
    );
  });
});
