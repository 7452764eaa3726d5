import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { anyTwoOf, bothRequired, ramp } from '../src/scoring.js';
import { poissonSurprise, quantile, wilsonInterval } from '../src/statistics.js';
import { FC_SEED } from './support/games.js';

const close = (actual: number, expected: number, tolerance = 1e-9): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

describe('ramp', () => {
  it('scores 0 at neutral, 0.5 at the threshold and 1 twice as far, in either direction', () => {
    close(ramp(0, 0, 4), 0);
    close(ramp(4, 0, 4), 0.5);
    close(ramp(8, 0, 4), 1);
    close(ramp(1.2, 1.2, 0.6), 0);
    close(ramp(0.6, 1.2, 0.6), 0.5);
    close(ramp(0, 1.2, 0.6), 1);
    assert.equal(ramp(Number.NaN, 0, 1), 0);
  });

  it('stays in [0, 1] and never falls as the evidence grows toward suspicion', () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(finite, finite, finite, fc.double({ min: 1e-6, max: 1e3, noNaN: true }), (a, b, neutral, gap) => {
        for (const threshold of [neutral + gap, neutral - gap]) {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const toward = threshold > neutral ? [low, high] : [high, low];
          const scores = toward.map((value) => ramp(value, neutral, threshold));
          assert.ok(scores.every((score) => score >= 0 && score <= 1));
          assert.ok(scores[1] >= scores[0], `${scores[1]} < ${scores[0]}`);
        }
      }),
      { seed: FC_SEED },
    );
  });
});

describe('combining scores', () => {
  it('bothRequired is the weaker, anyTwoOf the second strongest, whatever the order', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.array(unit, { minLength: 2, maxLength: 6 }), (scores) => {
        const sorted = [...scores].sort((a, b) => b - a);
        assert.equal(bothRequired(...scores), sorted.at(-1));
        assert.equal(anyTwoOf(scores), sorted[1]);
        assert.equal(anyTwoOf([...scores].reverse()), sorted[1]);
      }),
      { seed: FC_SEED },
    );
    assert.equal(anyTwoOf([0.9]), 0);
  });
});

describe('statistics', () => {
  it('poisson surprise matches worked values', () => {
    // P(X >= 1 | 2) = 1 - e^-2; P(X >= 3 | 1) = 1 - e^-1 (1 + 1 + 1/2).
    close(poissonSurprise(1, 2), -Math.log10(1 - Math.exp(-2)), 1e-9);
    close(poissonSurprise(3, 1), -Math.log10(1 - Math.exp(-1) * 2.5), 1e-9);
  });

  it('surprise grows with the count and falls with the expectation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.01, max: 50, noNaN: true }), (count, expected) => {
        assert.ok(poissonSurprise(count, expected) <= poissonSurprise(count + 1, expected) + 1e-9);
        assert.ok(poissonSurprise(count, expected + 1) <= poissonSurprise(count, expected) + 1e-9);
        assert.ok(poissonSurprise(count, expected) >= 0);
      }),
      { seed: FC_SEED },
    );
  });

  it('the Wilson interval holds the observed rate and narrows with more trials', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(), (trials, seed) => {
        const successes = seed % (trials + 1);
        const interval = wilsonInterval(successes, trials, 3);
        const narrower = wilsonInterval(successes, trials, 2);
        assert.ok(interval.low <= successes / trials + 1e-12 && successes / trials <= interval.high + 1e-12);
        assert.ok(interval.low <= narrower.low + 1e-12 && narrower.high <= interval.high + 1e-12);
        const more = wilsonInterval(successes * 4, trials * 4, 3);
        assert.ok(more.high - more.low <= interval.high - interval.low + 1e-12);
      }),
      { seed: FC_SEED },
    );
  });

  it('quantiles are nearest-rank', () => {
    assert.equal(quantile([5, 1, 4, 2, 3], 0.5), 3);
    assert.equal(quantile([5, 1, 4, 2, 3], 0.9), 5);
    assert.equal(quantile([5, 1, 4, 2, 3], 0.1), 1);
    assert.ok(Number.isNaN(quantile([], 0.5)));
  });
});
