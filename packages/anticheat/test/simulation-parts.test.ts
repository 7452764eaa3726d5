import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBot } from '@guandan/bots';
import { actorsOf, applyAction, type SeatView, startMatch, viewFor } from '@guandan/engine';
import { timingShape } from '../src/detectors/decision-timing.js';
import { parseSimulateArgs } from '../src/simulation/cli-options.js';
import { decisionTime } from '../src/simulation/decision-time.js';
import type { TimingModel } from '../src/simulation/model.js';
import { softPlayer, throwingPlayer } from '../src/simulation/policies.js';
import { buildPopulation } from '../src/simulation/population.js';
import { Random } from '../src/simulation/random.js';
import { SIMULATED_RULES } from '../src/simulation/run.js';
import { START } from './support/games.js';

/** Play-phase views from bot games, each with the seat to act. */
function views(count: number): SeatView[] {
  const bot = createBot('normal');
  const found: SeatView[] = [];
  for (let match = 0; found.length < count; match++) {
    let state = startMatch({ seed: `views:${match}`, rules: SIMULATED_RULES }).state;
    while (state.phase !== 'over') {
      const view = viewFor(state, actorsOf(state)[0]);
      if (view.phase === 'play') found.push(view);
      state = applyAction(state, bot.decide(view)).state;
    }
  }
  return found.slice(0, count);
}

const sample = views(600);
const normal = createBot('normal');

describe('cheating players', () => {
  it('a colluder passes on every play of its accomplice it could beat', () => {
    let passes = 0;
    for (const view of sample) {
      if (view.trick.lastSeat === null || view.trick.lastPlay === null) continue;
      const accomplice = view.trick.lastSeat;
      if (accomplice % 2 === view.seat % 2 || view.handCounts[accomplice] === 0) continue;
      const action = softPlayer({ kind: 'soft-play', accomplice, blatancy: 1 }, normal.decide, new Random('soft'))(view);
      assert.equal(action.kind, 'pass');
      passes++;
    }
    assert.ok(passes > 50, `only ${passes} chances in the sample`);
  });

  it('a thrower never beats an opponent', () => {
    const thrower = throwingPlayer(normal.decide);
    for (const view of sample) {
      const standing = view.trick.lastSeat;
      if (standing === null || standing % 2 === view.seat % 2) continue;
      assert.equal(thrower(view).kind, 'pass');
    }
  });
});

describe('decision times', () => {
  const times = (model: TimingModel): number[] => {
    const random = new Random('times');
    return sample.map((view) => decisionTime(model, view, 1 + (view.hand.length % 7), random));
  };

  it('people spread widely with a long tail; programs do not', () => {
    const person = timingShape(times({ kind: 'human', medianMs: 2500, sigma: 0.45 }));
    const uniform = timingShape(times({ kind: 'machine', delayMs: 1000, jitter: 0.3, shape: 'uniform' }));
    const logNormal = timingShape(times({ kind: 'machine', delayMs: 1000, jitter: 0.15, shape: 'log-normal' }));
    assert.ok(person.spread > 1 && person.tail > 0.6, JSON.stringify(person));
    assert.ok(uniform.spread < 0.6 || uniform.tail < 0.4, JSON.stringify(uniform));
    assert.ok(logNormal.spread < 0.6 && logNormal.tail < 0.4, JSON.stringify(logNormal));
  });
});

describe('population', () => {
  it('has the accounts asked for, with neutral ids that do not reveal who cheats', () => {
    const population = buildPopulation({ honest: 30, groups: 2, start: START }, new Random('population'));
    const honest = population.accounts.filter((account) => account.kind === 'honest');
    assert.equal(honest.length, 30);
    assert.equal(new Set(population.accounts.map((account) => account.id)).size, population.accounts.length);
    assert.ok(population.accounts.every((account) => /^acct-\d{4}$/.test(account.id)));
    // Cheaters are spread through the ids, not gathered at the end.
    const lastIds = population.accounts.slice(-10);
    assert.ok(lastIds.some((account) => account.kind === 'honest'));
    assert.equal(population.schemes.length, 2 * 6);
  });
});

describe('the command line', () => {
  it('reads its options and refuses bad ones', () => {
    const parsed = parseSimulateArgs(['--honest', '100', '--games', '60', '--seed', 'x', '--workers', '1']);
    assert.deepEqual(parsed.simulation, { honest: 100, gamesPerAccount: 60, groups: 5, seed: 'x', days: 14 });
    assert.equal(parsed.workers, 1);
    assert.throws(() => parseSimulateArgs(['--honest', '0']), /--honest/);
    assert.throws(() => parseSimulateArgs(['--days', '1']), /--days/);
    assert.throws(() => parseSimulateArgs(['--colour', 'red']));
  });
});
