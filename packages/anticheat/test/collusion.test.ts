import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Seat } from '@guandan/engine';
import { COLLUSION, detectCollusion } from '../src/detectors/collusion.js';
import { favourChances } from '../src/detectors/favours.js';
import type { GameObservation, PerSeat } from '../src/observations.js';
import { DEFAULT_FLAG_THRESHOLD, flaggedAccounts } from '../src/signal.js';
import type { SeatPlan } from '../src/simulation/model.js';
import { FC_SEED, person, play, spec } from './support/games.js';

const OTHERS = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'];

/**
 * `a` and `b` meet on opposite sides (seats 0 and 1) in `together` games, soft-playing each other when `colluding`,
 * and each plays as many games against strangers, so both have a habit to be compared with.
 */
function games(colluding: boolean, together = 10): GameObservation[] {
  const soft = (account: string, accomplice: Seat): SeatPlan =>
    person(account, { role: colluding ? { kind: 'soft-play', accomplice, blatancy: 1 } : { kind: 'fair' } });
  const specs = [];
  for (let n = 0; n < together; n++) {
    specs.push(spec(n, [soft('a', 1), soft('b', 0), person(OTHERS[n % 6]), person(OTHERS[(n + 1) % 6])]));
  }
  for (let n = 0; n < together; n++) {
    const strangers = [OTHERS[n % 6], OTHERS[(n + 2) % 6], OTHERS[(n + 4) % 6]].map((id) => person(id));
    specs.push(spec(100 + n, [person('a'), strangers[0], strangers[1], strangers[2]]));
    specs.push(spec(200 + n, [strangers[1], person('b'), strangers[2], strangers[0]]));
  }
  return play(specs);
}

const colluding = games(true);
const honest = games(false);
const run = (observed: readonly GameObservation[]) => detectCollusion({ games: observed, accounts: [], options: {} });

describe('collusion', () => {
  it('flags two accounts that pass on each other and feed each other', () => {
    const signal = run(colluding).find((candidate) => candidate.accounts.join() === 'a,b');
    assert.ok(signal !== undefined, 'no signal for the colluding pair');
    assert.ok(signal.score >= DEFAULT_FLAG_THRESHOLD, `score ${signal.score}`);
    assert.equal(signal.detector, COLLUSION);
    // The evidence points at replay positions where the favour was done, and they are passes or leads of that seat.
    const directions = signal.evidence.directions as { from: string; examples: { gameId: string; index: number }[] }[];
    for (const direction of directions) {
      for (const example of direction.examples) {
        const game = colluding.find((candidate) => candidate.gameId === example.gameId) as GameObservation;
        const action = game.actions[example.index];
        assert.ok(action.kind === 'pass' || action.kind === 'play');
        assert.equal(game.seats[action.seat], direction.from);
      }
    }
  });

  it('does not flag the same accounts playing each other fairly, nor anyone else', () => {
    assert.deepEqual(flaggedAccounts(run(honest)), []);
    assert.deepEqual(
      flaggedAccounts(run(colluding)).filter((account) => account !== 'a' && account !== 'b'),
      [],
    );
  });

  it('counts a chance only where the seat could have beaten the play it passed on', () => {
    for (const game of colluding.slice(0, 3)) {
      for (const chance of favourChances(game)) {
        const action = game.actions[chance.index];
        if (chance.kind === 'feed') assert.equal(action.kind, 'play');
        if (chance.favoured && chance.kind !== 'feed') assert.equal(action.kind, 'pass');
        assert.notEqual(game.decisionMs[chance.index], null, 'a timed-out move is not the player’s');
      }
    }
  });

  it('gives the same scores whatever the order of the games or the names of the accounts', () => {
    const baseline = new Map(run(colluding).map((signal) => [signal.accounts.join(), signal.score]));
    fc.assert(
      fc.property(fc.shuffledSubarray(colluding, { minLength: colluding.length, maxLength: colluding.length }), fc.boolean(), (shuffled, swap) => {
        const rename = (account: string | null): string | null => (swap && account === 'a' ? 'b' : swap && account === 'b' ? 'a' : account);
        const renamed = shuffled.map((game) => ({ ...game, seats: game.seats.map(rename) as PerSeat<string | null> }));
        const scores = new Map(run(renamed).map((signal) => [signal.accounts.join(), signal.score]));
        assert.deepEqual(scores, baseline);
      }),
      { seed: FC_SEED, numRuns: 8 },
    );
  });

  it('scores higher the more games the favours go on', () => {
    const fewer = run(colluding.filter((game) => !game.gameId.endsWith('9') && !game.gameId.endsWith('8')));
    const all = run(colluding);
    const score = (signals: typeof all): number => signals.find((signal) => signal.accounts.join() === 'a,b')?.score ?? 0;
    assert.ok(score(all) >= score(fewer), `${score(all)} < ${score(fewer)}`);
  });
});
