import assert from 'node:assert/strict';
import {
  type Action,
  actorsOf,
  applyAction,
  type Card,
  type DealResult,
  EngineError,
  type EngineErrorCode,
  legalActions,
  type MatchEvent,
  type MatchState,
  nextInt,
  type Phase,
  type Rank,
  type Reading,
  type RngState,
  type Rules,
  type Seat,
  seedRng,
  startMatch,
  type Team,
  teamOf,
  type TrickState,
  type TributeState,
  type Transition,
} from '../../src/index.js';

/** A hand-made situation. Everything not given keeps the value of a fresh match started from `seed`. */
export interface Situation {
  seed?: string | number;
  rules?: Partial<Rules>;
  /** The four hands; an empty hand is a seat that is out (list it in `finished` too). */
  hands: Card[][];
  phase?: Phase;
  level?: Rank;
  levelTeam?: Team | null;
  levels?: [Rank, Rank];
  aFailures?: [number, number];
  /** The seat to act in the play phase; it leads an empty trick unless `trick` says otherwise. */
  turn?: Seat | null;
  trick?: Partial<TrickState>;
  finished?: Seat[];
  tribute?: TributeState | null;
  antiTribute?: Seat[] | null;
  history?: DealResult[];
  dealNumber?: number;
}

/** A real match state edited into the given situation (a deep copy: the source state is never shared). */
export function craftState(situation: Situation): MatchState {
  const state = structuredClone(startMatch({ seed: situation.seed ?? 'craft', rules: situation.rules }).state);
  const deal = state.deal;
  const history = situation.history ?? [];
  state.history = structuredClone(history);
  state.phase = situation.phase ?? 'play';
  state.levels = situation.levels ?? ['2', '2'];
  state.aFailures = situation.aFailures ?? [0, 0];
  deal.number = situation.dealNumber ?? history.length + 1;
  deal.hands = situation.hands.map((hand) => [...hand]);
  deal.levelTeam = situation.levelTeam ?? null;
  deal.level = situation.level ?? (deal.levelTeam === null ? '2' : state.levels[deal.levelTeam]);
  const turn = situation.turn === undefined ? (state.phase === 'play' ? 0 : null) : situation.turn;
  deal.turn = turn;
  deal.trick = { leader: turn ?? 0, lastPlay: null, lastSeat: null, passes: 0, ...situation.trick };
  deal.finished = [...(situation.finished ?? [])];
  deal.tribute = situation.tribute === undefined ? null : structuredClone(situation.tribute);
  deal.antiTribute = situation.antiTribute ?? null;
  deal.log = [];
  return state;
}

/** A previous deal's result with the given finishing order (the fields the next deal reads are order and team). */
export function pastDeal(order: Seat[], levels: [Rank, Rank] = ['2', '2'], number = 1): DealResult {
  return {
    number,
    level: '2',
    levelTeam: null,
    order,
    team: teamOf(order[0]),
    rise: 4 - order.indexOf(((order[0] + 2) % 4) as Seat),
    levels,
    aFailures: [0, 0],
    restCards: [],
    failedAttempt: null,
    demoted: null,
  };
}

/** A state in the tribute phase after a deal that finished in `order`: single tribute after 1-3/1-4, else double. */
export function craftTribute(
  order: Seat[],
  hands: Card[][],
  options: Omit<Situation, 'hands' | 'history' | 'phase' | 'tribute'> = {},
): MatchState {
  const double = teamOf(order[0]) === teamOf(order[1]);
  const levels = options.levels ?? ['2', '2'];
  return craftState({
    ...options,
    hands,
    levels,
    levelTeam: options.levelTeam ?? teamOf(order[0]),
    history: [pastDeal(order, levels)],
    phase: 'tribute',
    turn: null,
    tribute: { kind: double ? 'double' : 'single', givers: double ? [order[2], order[3]] : [order[3]], pending: [], paid: [], returned: [] },
  });
}

/**
 * A deal about to end: the seats in `out` are already out (in that order), `last` leads its one remaining card
 * (`S3`) and goes out with it, which must end the deal. Returns the transition of that last play.
 */
export function finishDeal(
  out: Seat[],
  last: Seat,
  options: Omit<Situation, 'hands' | 'finished' | 'turn' | 'trick'> = {},
): Transition {
  const hands: Card[][] = [0, 1, 2, 3].map((seat) =>
    out.includes(seat as Seat) ? [] : seat === last ? ['S3'] : ['S4', 'D5', 'C6'],
  );
  const state = craftState({ ...options, hands, finished: out, turn: last });
  return applyAction(state, { kind: 'play', seat: last, cards: ['S3'] });
}

/** A play action from space-separated cards, with an optional declared reading. */
export const play = (seat: Seat, cards: string, reading?: Reading): Action =>
  reading === undefined ? { kind: 'play', seat, cards: cards.split(' ') } : { kind: 'play', seat, cards: cards.split(' '), reading };
export const pass = (seat: Seat): Action => ({ kind: 'pass', seat });

/** Applies actions in order; returns the final state and every event. */
export function applyAll(state: MatchState, actions: readonly Action[]): Transition {
  let current = state;
  const events: MatchEvent[] = [];
  for (const action of actions) {
    const transition = applyAction(current, action);
    current = transition.state;
    events.push(...transition.events);
  }
  return { state: current, events };
}

/** The events of one kind, typed. */
export function eventsOf<K extends MatchEvent['kind']>(events: readonly MatchEvent[], kind: K): Extract<MatchEvent, { kind: K }>[] {
  return events.filter((event): event is Extract<MatchEvent, { kind: K }> => event.kind === kind);
}

/** Asserts that the action is refused with `code` and that the given state is left exactly as it was. */
export function assertRefused(state: MatchState, action: unknown, code: EngineErrorCode): void {
  const before = structuredClone(state);
  assert.throws(
    () => applyAction(state, action as Action),
    (error: unknown) => {
      assert.ok(error instanceof EngineError, `expected an EngineError, got ${String(error)}`);
      assert.equal(error.code, code, error.message);
      return true;
    },
  );
  assert.deepEqual(state, before, 'a refused action must leave the state unchanged');
}

/** A seeded random player: a uniformly random legal action of the first seat that must act. */
export function randomLegalAction(state: MatchState, random: RngState): Action {
  const seat = actorsOf(state)[0];
  const choices = legalActions(state, seat);
  assert.ok(choices.length > 0, `seat ${seat} has no legal action in phase ${state.phase}`);
  return choices[nextInt(random, choices.length)];
}

export interface Step {
  action: Action;
  state: MatchState;
  events: MatchEvent[];
}

/** Plays a match with random legal actions from `seed`, yielding after every action, for at most `maxSteps`. */
export function* randomWalk(seed: number | string, rules: Partial<Rules> = {}, maxSteps = Infinity): Generator<Step> {
  const random = seedRng(`walk:${seed}`);
  let state = startMatch({ seed, rules }).state;
  for (let step = 0; step < maxSteps && state.phase !== 'over'; step++) {
    const action = randomLegalAction(state, random);
    const transition = applyAction(state, action);
    state = transition.state;
    yield { action, state, events: transition.events };
  }
}
