import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { COIN_DUMPING, detectCoinDumping } from '../src/detectors/coin-dumping.js';
import type { GameObservation, PerSeat } from '../src/observations.js';
import { DEFAULT_FLAG_THRESHOLD, flaggedAccounts } from '../src/signal.js';
import { FC_SEED, person, play, spec } from './support/games.js';

const STRANGERS = ['s1', 's2', 's3', 's4', 's5'];

/**
 * `dumper` and `beneficiary` face each other in custom rooms with bots as partners, the dumper losing on purpose
 * when `dumping`; both also play quick games with strangers.
 */
function games(dumping: boolean): GameObservation[] {
  const specs = [];
  for (let n = 0; n < 20; n++) {
    const dumper = person('dumper', { role: dumping ? { kind: 'throw' } : { kind: 'fair' } });
    specs.push(spec(n, [dumper, person('beneficiary'), null, null], { mode: 'custom', baseBet: 200 }));
  }
  for (let n = 0; n < 12; n++) {
    const others = [0, 1, 2].map((k) => person(STRANGERS[(n + k) % 5]));
    specs.push(spec(100 + n, [person('dumper'), others[0], others[1], others[2]]));
    specs.push(spec(200 + n, [others[2], person('beneficiary'), others[0], others[1]]));
  }
  return play(specs);
}

const dumped = games(true);
const fair = games(false);
const run = (observed: readonly GameObservation[]) => detectCoinDumping({ games: observed, accounts: [], options: {} });

describe('coin dumping', () => {
  it('flags an account losing on purpose to one opponent, and names both', () => {
    const signal = run(dumped).find((candidate) => candidate.accounts.join() === 'beneficiary,dumper');
    assert.ok(signal !== undefined, 'no signal');
    assert.equal(signal.detector, COIN_DUMPING);
    assert.ok(signal.score >= DEFAULT_FLAG_THRESHOLD, `score ${signal.score}`);
    assert.equal(signal.evidence.loser, 'dumper');
    assert.ok((signal.evidence.loserCoins as number) < 0 && (signal.evidence.beneficiaryCoins as number) > 0);
  });

  it('does not flag the same pair playing fairly', () => {
    assert.deepEqual(flaggedAccounts(run(fair)), []);
  });

  it('does not depend on the size of the stake, only on who lost and by how much', () => {
    const baseline = run(dumped).map((signal) => signal.score);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (factor) => {
        const scaled = dumped.map((game) => ({ ...game, coinDelta: game.coinDelta.map((delta) => delta * factor) as PerSeat<number> }));
        assert.deepEqual(run(scaled).map((signal) => signal.score), baseline);
      }),
      { seed: FC_SEED, numRuns: 5 },
    );
  });

  it('ignores games without a stake', () => {
    const noStakes = dumped.map((game) => ({ ...game, coinDelta: [0, 0, 0, 0] as PerSeat<number> }));
    assert.deepEqual(run(noStakes), []);
  });
});
