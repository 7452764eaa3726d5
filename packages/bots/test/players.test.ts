import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Action,
  actorsOf,
  applyAction,
  legalActions,
  type MatchState,
  nextInt,
  type Phase,
  type Seat,
  seedRng,
  startMatch,
  viewFor,
} from '@guandan/engine';
import { autoPlay, type Bot, type BotLevel, createBot, hardBot } from '../src/index.js';

/** States of every phase reached by random legal play, each with the seat that must act. */
function randomStates(count: number, seed: string): { state: MatchState; seat: Seat }[] {
  const random = seedRng(seed);
  const wanted: Record<Exclude<Phase, 'over'>, number> = { play: count, tribute: Math.ceil(count / 10), return: Math.ceil(count / 10) };
  const found: { state: MatchState; seat: Seat }[] = [];
  const taken = { play: 0, tribute: 0, return: 0 };
  for (let match = 0; taken.play < wanted.play || taken.tribute < wanted.tribute || taken.return < wanted.return; match++) {
    let state = startMatch({ seed: `${seed}/${match}` }).state;
    while (state.phase !== 'over') {
      const phase = state.phase;
      const actors = actorsOf(state);
      // Keep every tribute and return state, and about one play state in eight.
      if (taken[phase] < wanted[phase] && (phase !== 'play' || nextInt(random, 8) === 0)) {
        taken[phase]++;
        found.push({ state, seat: actors[nextInt(random, actors.length)] });
      }
      const options = legalActions(state, actors[0]);
      state = applyAction(state, options[nextInt(random, options.length)]).state;
    }
  }
  return found;
}

function assertLegal(bot: Bot, state: MatchState, seat: Seat): Action {
  const action = bot.decide(viewFor(state, seat));
  assert.ok(action.kind !== 'timeUp', `${bot.level} answered timeUp`);
  assert.equal(action.seat, seat, `${bot.level} acted for another seat`);
  assert.doesNotThrow(() => applyAction(state, action), `${bot.level} chose an illegal ${JSON.stringify(action)}`);
  return action;
}

describe('every level returns a legal action', () => {
  const states = randomStates(2000, 'legal');

  for (const level of ['random', 'easy', 'normal'] as BotLevel[]) {
    it(`${level}, in ${states.length} random states of every phase`, () => {
      const bot = createBot(level, { seed: 1 });
      const phases = new Set<Phase>();
      for (const { state, seat } of states) {
        assertLegal(bot, state, seat);
        phases.add(state.phase);
      }
      assert.deepEqual([...phases].sort(), ['play', 'return', 'tribute']);
    });
  }

  it('hard, searching in every state (small playout budget)', () => {
    const bot = hardBot({ seed: 1, budgetMs: Infinity, maxPlayouts: 6, searchBelowCards: 108, candidates: 3 });
    for (const { state, seat } of states.filter((_, index) => index % 8 === 0)) assertLegal(bot, state, seat);
  });
});

describe('bots are deterministic for a seed', () => {
  const states = randomStates(150, 'determinism');
  const decisions = (bot: Bot): string[] => states.map(({ state, seat }) => JSON.stringify(bot.decide(viewFor(state, seat))));

  it('random and normal give the same decisions for the same seed', () => {
    assert.deepEqual(decisions(createBot('random', { seed: 'x' })), decisions(createBot('random', { seed: 'x' })));
    assert.notDeepEqual(decisions(createBot('random', { seed: 'x' })), decisions(createBot('random', { seed: 'y' })));
    assert.deepEqual(decisions(createBot('normal')), decisions(createBot('normal')));
  });

  it('hard gives the same decisions for the same seed when the playout count bounds its search', () => {
    const make = (): Bot => hardBot({ seed: 'x', budgetMs: Infinity, maxPlayouts: 8, searchBelowCards: 108 });
    assert.deepEqual(decisions(make()), decisions(make()));
  });
});

describe('auto-play', () => {
  const states = randomStates(8, 'auto-play');

  it('auto-play is the normal choice; a seat that need not act has no choice to make', () => {
    const { state, seat } = states.find(({ state }) => state.phase === 'play') ?? states[0];
    const idle = ((seat + 1) % 4) as Seat;
    assert.deepEqual(autoPlay(viewFor(state, seat)), createBot('normal').decide(viewFor(state, seat)));
    assert.throws(() => createBot('normal').decide(viewFor(state, idle)), /NOT_YOUR_TURN|nothing to do/);
  });
});

describe('strength', () => {
  it('normal wins a short duplicate series against random', () => {
    let normalDeals = 0;
    let deals = 0;
    for (let pair = 0; pair < 3; pair++) {
      for (const normalTeam of [0, 1]) {
        const bots = [0, 1, 2, 3].map((seat) => createBot(seat % 2 === normalTeam ? 'normal' : 'random', { seed: seat }));
        let state = startMatch({ seed: `strength/${pair}`, rules: { matchEnd: { kind: 'deals', deals: 3 } } }).state;
        while (state.phase !== 'over') {
          const seat = actorsOf(state)[0];
          const transition = applyAction(state, bots[seat].decide(viewFor(state, seat)));
          for (const event of transition.events) {
            if (event.kind !== 'dealEnded') continue;
            deals++;
            if (event.result.team === normalTeam) normalDeals++;
          }
          state = transition.state;
        }
      }
    }
    assert.ok(normalDeals / deals > 0.8, `normal won ${normalDeals} of ${deals} deals against random`);
  });
});
