import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { detectRewardFarming, REWARD_FARMING } from '../src/detectors/reward-farming.js';
import type { GameObservation, PerSeat } from '../src/observations.js';
import { flaggedAccounts } from '../src/signal.js';
import { DAY, FC_SEED, HOUR, record, START } from './support/games.js';

const MINUTE = 60 * 1000;
const PAID: PerSeat<number> = [30_000, 30_000, 30_000, 30_000];

/** `count` games of four accounts, `spacing` apart from `from`, each lasting `minutes` over 150 actions. */
function run(accounts: PerSeat<string>, from: number, count: number, spacing: number, minutes: number): GameObservation[] {
  return Array.from({ length: count }, (_, n) => {
    const startedAt = from + n * spacing;
    return record(`${accounts[0]}-${n}`, accounts, { mode: 'quick', startedAt, endedAt: startedAt + minutes * MINUTE, rewardPlay: PAID });
  });
}

/** A keen evening player's fortnight: six games a night at ten minutes a game. */
function evenings(accounts: PerSeat<string>): GameObservation[] {
  return Array.from({ length: 14 }, (_, day) => run(accounts, START + day * DAY + 19 * HOUR, 6, 12 * MINUTE, 10)).flat();
}

const detect = (games: readonly GameObservation[]) => detectRewardFarming({ games, accounts: [], options: {} });
const FARM: PerSeat<string> = ['f1', 'f2', 'f3', 'f4'];
const PEOPLE: PerSeat<string> = ['p1', 'p2', 'p3', 'p4'];

describe('reward farming', () => {
  it('flags accounts playing for rewards round the clock at a machine’s pace', () => {
    const farm = run(FARM, START, 200, 14 * MINUTE, 2);
    const signals = detect([...farm, ...evenings(PEOPLE)]);
    assert.deepEqual(flaggedAccounts(signals), ['f1', 'f2', 'f3', 'f4']);
    const evidence = signals[0].evidence as { busiestDay: { games: number }; longestStretchHours: number; playEarned: number };
    assert.equal(signals[0].detector, REWARD_FARMING);
    assert.ok(evidence.busiestDay.games > 48 && evidence.longestStretchHours > 20 && evidence.playEarned > 0);
  });

  it('does not flag keen people, nor one indicator alone', () => {
    assert.deepEqual(flaggedAccounts(detect(evenings(PEOPLE))), []);
    // A marathon at a person's pace: many games in a day but ten minutes each and a night's sleep.
    const marathon = run(PEOPLE, START + 8 * HOUR, 60, 11 * MINUTE, 10);
    assert.deepEqual(flaggedAccounts(detect(marathon)), []);
  });

  it('does not flag what earned nothing', () => {
    const unpaid = run(FARM, START, 200, 14 * MINUTE, 2).map((game) => ({ ...game, rewardPlay: [0, 0, 0, 0] as PerSeat<number> }));
    assert.deepEqual(detect(unpaid), []);
  });

  it('never scores lower for more games, a faster pace or playing on after a short pause', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 150 }),
        fc.integer({ min: 5, max: 90 }),
        fc.integer({ min: 1, max: 15 }),
        (count, spacingMinutes, minutes) => {
          const score = (games: readonly GameObservation[]): number => Math.max(0, ...detect(games).map((signal) => signal.score));
          const base = score(run(FARM, START, count, spacingMinutes * MINUTE, minutes));
          assert.ok(score(run(FARM, START, count + 10, spacingMinutes * MINUTE, minutes)) >= base);
          assert.ok(score(run(FARM, START, count, spacingMinutes * MINUTE, Math.max(1, minutes - 1))) >= base);
          const first = run(FARM, START, count, spacingMinutes * MINUTE, minutes);
          const resumed = START + count * spacingMinutes * MINUTE + HOUR;
          const more = run(['f1', 'f2', 'f3', 'f4'], resumed, count, spacingMinutes * MINUTE, minutes).map((game) => ({ ...game, gameId: `again-${game.gameId}` }));
          assert.ok(score([...first, ...more]) >= base);
        },
      ),
      { seed: FC_SEED, numRuns: 60 },
    );
  });
});
