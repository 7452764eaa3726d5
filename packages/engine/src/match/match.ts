import { resolveRules, type Rules } from '../rules.js';
import { seedRng } from '../rng.js';
import { legalMoves } from '../moves.js';
import { returnCards, tributeCards } from '../tribute.js';
import { rankIndex } from '../cards.js';
import { actorsOf, applyAction } from './apply.js';
import { startDeal } from './deal.js';
import type { Action, MatchState, Seat, Transition } from './types.js';

export interface MatchOptions {
  seed: string | number;
  rules?: Partial<Rules>;
}

/** A new match: rules resolved, the first deal dealt from the seed, a leader drawn. */
export function startMatch(options: MatchOptions): Transition {
  const rules = resolveRules(options.rules);
  const draft = {
    version: 1,
    seed: options.seed,
    rules,
    rng: seedRng(options.seed),
    phase: 'play',
    levels: ['2', '2'],
    aFailures: [0, 0],
    history: [],
    winner: null,
    timeUp: false,
    actionCount: 0,
  } as Omit<MatchState, 'deal'> as MatchState;
  const events: Transition['events'] = [];
  startDeal(draft, events);
  return { state: draft, events };
}

/** Rebuilds a match from its seed, rules and actions; the same inputs always give the same state. */
export function replayMatch(options: MatchOptions, actions: readonly Action[]): MatchState {
  let state = startMatch(options).state;
  for (const action of actions) state = applyAction(state, action).state;
  return state;
}

/** Every action a seat may take now: each distinct play (with its reading) and pass, or its tribute or return choices. */
export function legalActions(state: MatchState, seat: Seat): Action[] {
  if (!actorsOf(state).includes(seat)) return [];
  const deal = state.deal;
  const hand = deal.hands[seat];
  if (state.phase === 'tribute') {
    return tributeCards(hand, rankIndex(deal.level)).map((card) => ({ kind: 'tribute', seat, card }));
  }
  if (state.phase === 'return') {
    return returnCards(hand, rankIndex(deal.level), state.rules.returnCap).map((card) => ({ kind: 'return', seat, card }));
  }
  const over = deal.trick.lastPlay;
  const plays: Action[] = legalMoves(hand, deal.level, over, state.rules).map((play) => ({
    kind: 'play',
    seat,
    cards: play.cards,
    reading: { type: play.type, rank: play.rank },
  }));
  if (over !== null) plays.push({ kind: 'pass', seat });
  return plays;
}
