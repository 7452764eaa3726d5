import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  actorsOf,
  applyAction,
  type Card,
  fullDeck,
  type MatchState,
  replayMatch,
  type Rules,
  type Seat,
  seedRng,
  type Transition,
  viewFor,
} from '../src/index.js';
import { emptyStats, selfPlayMatch } from '../src/selfplay.js';
import { randomLegalAction, randomWalk, type Step } from './support/states.js';

/** fast-check runs from a fixed seed so that every run of this file checks the same cases. */
const FC_SEED = 20260101;

/** Rule variants the random matches are played under, the defaults first. */
const VARIANTS: Partial<Rules>[] = [
  {},
  { aWinRequires: 'first-and-second' },
  { aMaxFailures: 1 },
  { aMaxFailures: 'none' },
  { equalDoubleTribute: 'random' },
  { maxBombSize: 8 },
  { fullHouseJokerPair: false },
  { returnCap: 'any' },
  { matchEnd: { kind: 'deals', deals: 6 } },
];

const seedArbitrary = fc.integer({ min: 0, max: 1_000_000 });
const variantArbitrary = fc.constantFrom(...VARIANTS);

const SORTED_DECKS = fullDeck().sort();

/** Every card the current deal accounts for: the hands, the plays of its log, and double-tribute cards not yet shown. */
function cardsAccountedFor(state: MatchState): Card[] {
  const deal = state.deal;
  return [
    ...deal.hands.flat(),
    ...deal.log.flatMap((entry) => entry.play?.cards ?? []),
    ...(deal.tribute?.pending.map((entry) => entry.card) ?? []),
  ].sort();
}

/**
 * The state reached after `steps` random actions, or the last one before the match ended (once it is over, the
 * cards left in hand are shown to everyone in the deal result, so they are no longer secret).
 */
function reachedState(seed: number, rules: Partial<Rules>, steps: number): MatchState | null {
  let last: Step | null = null;
  for (const step of randomWalk(seed, rules, steps)) {
    if (step.state.phase === 'over') break;
    last = step;
  }
  return last?.state ?? null;
}

describe('match properties', () => {
  it('cards are conserved: hands + the deal log + pending tribute cards are always the two full decks', () => {
    fc.assert(
      fc.property(seedArbitrary, variantArbitrary, (seed, rules) => {
        let steps = 0;
        let last: MatchState | null = null;
        for (const { state, action } of randomWalk(seed, rules, 50_000)) {
          steps++;
          assert.deepEqual(cardsAccountedFor(state), SORTED_DECKS, `after action ${steps}: ${JSON.stringify(action)}`);
          if (state.phase === 'play' && state.deal.log.length === 0) {
            assert.deepEqual(
              state.deal.hands.map((hand) => hand.length),
              [27, 27, 27, 27],
              'every deal is played from 27 cards each, after tribute and return',
            );
          }
          last = state;
        }
        assert.equal(last?.phase, 'over', `match ${seed} did not end`);
      }),
      { seed: FC_SEED, numRuns: 30 },
    );
  });

  it("no seat's view depends on the other seats' hands, holds the random state, or misses its own hand", () => {
    fc.assert(
      fc.property(
        seedArbitrary,
        variantArbitrary,
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom<Seat>(0, 1, 2, 3),
        fc.integer({ min: 0, max: 2 }),
        fc.nat(),
        fc.nat(),
        (seed, rules, steps, viewer, pairChoice, pickA, pickB) => {
          const state = reachedState(seed, rules, steps);
          fc.pre(state !== null);
          const view = viewFor(state, viewer);
          const json = JSON.stringify(view);
          assert.ok(!json.includes('"rng"'), 'the view holds the random state');
          assert.ok(!json.includes('"seed"'), 'the view holds the seed, from which every hand can be dealt again');
          assert.ok(!json.includes('"hands"'), 'the view holds the hands');
          assert.deepEqual(view.hand, state.deal.hands[viewer]);
          assert.equal(view.seat, viewer);

          const others = ([0, 1, 2, 3] as Seat[]).filter((seat) => seat !== viewer);
          const [x, y] = [
            [others[0], others[1]],
            [others[0], others[2]],
            [others[1], others[2]],
          ][pairChoice];
          const handX = state.deal.hands[x];
          const handY = state.deal.hands[y];
          fc.pre(handX.length > 0 && handY.length > 0);
          const i = pickA % handX.length;
          const offset = pickB % handY.length;
          let j = -1;
          for (let k = 0; k < handY.length; k++) {
            const candidate = (offset + k) % handY.length;
            if (handY[candidate] !== handX[i]) {
              j = candidate;
              break;
            }
          }
          fc.pre(j >= 0);
          const swapped = structuredClone(state);
          swapped.deal.hands[x][i] = handY[j];
          swapped.deal.hands[y][j] = handX[i];
          assert.notDeepEqual(swapped.deal.hands, state.deal.hands);
          assert.deepEqual(viewFor(swapped, viewer), view);
        },
      ),
      { seed: FC_SEED, numRuns: 150 },
    );
  });

  it('replay is deterministic, states are plain JSON, and a JSON round trip continues identically', () => {
    fc.assert(
      fc.property(seedArbitrary, variantArbitrary, fc.integer({ min: 0, max: 2500 }), (seed, rules, steps) => {
        const actions = [];
        let state: MatchState | null = null;
        for (const step of randomWalk(seed, rules, steps)) {
          actions.push(step.action);
          state = step.state;
        }
        fc.pre(state !== null);
        assert.equal(state.actionCount, actions.length);
        assert.deepEqual(replayMatch({ seed, rules }, actions), state);

        const roundTripped = JSON.parse(JSON.stringify(state)) as MatchState;
        assert.deepEqual(roundTripped, state);

        const continueFrom = (start: MatchState): Transition[] => {
          const random = seedRng(`continue:${seed}`);
          const transitions: Transition[] = [];
          let current = start;
          for (let n = 0; n < 200 && current.phase !== 'over'; n++) {
            const transition = applyAction(current, randomLegalAction(current, random));
            transitions.push(transition);
            current = transition.state;
          }
          return transitions;
        };
        assert.deepEqual(continueFrom(roundTripped), continueFrom(state));
      }),
      { seed: FC_SEED, numRuns: 50 },
    );
  });

  it('at least 2,000 random deals inside full matches, under rule variants, without a single engine error', () => {
    const stats = emptyStats();
    const unfinished: string[] = [];
    const wrongLength: string[] = [];
    let match = 0;
    // Stops at the first engine error too: a broken engine might never finish a deal.
    while (stats.deals < 2000 && stats.errors === 0 && match < 2000) {
      const rules = VARIANTS[match % VARIANTS.length];
      const seed = `property-${match}`;
      const end = selfPlayMatch({ seed, rules }, stats);
      if (end.phase !== 'over') unfinished.push(seed);
      const matchEnd = rules.matchEnd;
      if (matchEnd?.kind === 'deals' && end.history.length !== matchEnd.deals) {
        const last = end.history.at(-1);
        const wonAtAce = last !== undefined && last.level === 'A' && last.levelTeam === last.team && end.winner === last.team;
        if (end.history.length > matchEnd.deals || !wonAtAce) wrongLength.push(seed);
      }
      assert.equal(actorsOf(end).length, 0);
      match++;
    }
    assert.equal(stats.errors, 0, stats.errorMessages.join('\n'));
    assert.deepEqual(unfinished, [], 'matches that did not end');
    assert.deepEqual(wrongLength, [], 'matches by deal count that neither lasted that many deals nor were won at A');
    assert.ok(stats.deals >= 2000, `only ${stats.deals} deals were played`);
    assert.ok(stats.singleTributes > 0, 'no single tribute was paid');
    assert.ok(stats.doubleTributes > 0, 'no double tribute was paid');
    assert.ok(stats.antiTributes > 0, 'no anti-tribute happened');
    assert.ok(stats.bombs > 0, 'no bomb was played');
    assert.ok(stats.wins[0] > 0 && stats.wins[1] > 0, `both teams must win some matches: ${stats.wins.join(' / ')}`);
    assert.equal(stats.matches, match);
  });
});
