import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AUTOMATED_PLAY, detectAutomatedPlay } from '../src/detectors/automated-play.js';
import { sameDecision } from '../src/detectors/bot-agreement.js';
import type { GameObservation, PerSeat } from '../src/observations.js';
import { DEFAULT_FLAG_THRESHOLD, flaggedAccounts } from '../src/signal.js';
import type { SeatPlan } from '../src/simulation/model.js';
import { FC_SEED, person, play, spec } from './support/games.js';

const BOT_LIKE = { skill: 'normal', slipRate: 0 } as const;

/** Four accounts over ten games, seats rotating: a script, a person taking a bot's advice, and two people. */
function games(): GameObservation[] {
  const seats: SeatPlan[] = [
    person('script', { style: BOT_LIKE, timing: { kind: 'machine', delayMs: 1200, jitter: 0.25, shape: 'uniform' } }),
    person('assisted', { style: BOT_LIKE }),
    person('human-1', { style: { skill: 'easy', slipRate: 0.2 } }),
    person('human-2', { style: { skill: 'normal', slipRate: 0.3 }, timing: { kind: 'human', medianMs: 4000, sigma: 0.8 } }),
  ];
  return play(Array.from({ length: 10 }, (_, n) => spec(n, [0, 1, 2, 3].map((k) => seats[(n + k) % 4]) as PerSeat<SeatPlan>)));
}

const observed = games();
const run = (list: readonly GameObservation[]) => detectAutomatedPlay({ games: list, accounts: [], options: { agreementSample: 100 } });

describe('automated play', () => {
  const signals = run(observed);

  it('flags machine-regular timing and choices that always match the bot, and not the people', () => {
    assert.deepEqual(flaggedAccounts(signals), ['assisted', 'script']);
    assert.ok(signals.every((signal) => signal.detector === AUTOMATED_PLAY && signal.accounts.length === 1));
  });

  it('says which evidence raised the score', () => {
    const evidence = (account: string) => signals.find((signal) => signal.accounts[0] === account)?.evidence as {
      timing: { score: number };
      agreement: { score: number; sampled: number; agreed: number };
    };
    assert.ok(evidence('script').timing.score >= DEFAULT_FLAG_THRESHOLD);
    assert.ok(evidence('assisted').timing.score < DEFAULT_FLAG_THRESHOLD, 'a person’s pace is not regular');
    assert.ok(evidence('assisted').agreement.score >= DEFAULT_FLAG_THRESHOLD);
    assert.equal(evidence('assisted').agreement.agreed, evidence('assisted').agreement.sampled);
  });

  it('does not depend on how fast an account plays, only on the shape of its times', () => {
    const baseline = new Map(signals.map((signal) => [signal.accounts[0], signal.score]));
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 5, noNaN: true }), (factor) => {
        const scaled = observed.map((game) => ({ ...game, decisionMs: game.decisionMs.map((ms) => (ms === null ? null : ms * factor)) }));
        const scores = new Map(run(scaled).map((signal) => [signal.accounts[0], signal.score]));
        assert.deepEqual([...scores.keys()].sort(), [...baseline.keys()].sort());
        for (const [account, score] of scores) assert.ok(Math.abs(score - (baseline.get(account) as number)) < 1e-9);
      }),
      { seed: FC_SEED, numRuns: 5 },
    );
  });

  it('compares choices by what was played, not by which suit of the same ranks', () => {
    assert.ok(sameDecision({ kind: 'play', seat: 0, cards: ['S9', 'H9'] }, { kind: 'play', seat: 0, cards: ['D9', 'C9'] }));
    assert.ok(!sameDecision({ kind: 'play', seat: 0, cards: ['S9', 'H9'] }, { kind: 'play', seat: 0, cards: ['ST', 'HT'] }));
    assert.ok(!sameDecision({ kind: 'pass', seat: 0 }, { kind: 'play', seat: 0, cards: ['ST'] }));
    assert.ok(sameDecision({ kind: 'pass', seat: 1 }, { kind: 'pass', seat: 1 }));
  });
});
