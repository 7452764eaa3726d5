import { type Card, cardId, cardOrder, rankIndex, sortHand } from '../cards.js';
import { readShapes, shapeOfPlay } from '../classify.js';
import { EngineError } from '../errors.js';
import { keyRank, outranks, type PlayShape, playKey } from '../play.js';
import { nextInt } from '../rng.js';
import { returnCards, tributeCards } from '../tribute.js';
import { beginPlay, startDeal } from './deal.js';
import { leaderByLevel, settleDeal } from './settle.js';
import {
  type Action,
  type Exchange,
  type MatchEvent,
  type MatchState,
  nextSeat,
  partnerOf,
  type Seat,
  SEATS,
  type Transition,
} from './types.js';

/**
 * A copy deep enough that the reducer may change it freely. The reducer replaces hands and levels rather than
 * editing them, and never changes log entries, plays or results, so those arrays share their items.
 */
function draftOf(state: MatchState): MatchState {
  const deal = state.deal;
  const trick = deal.trick;
  const tribute = deal.tribute;
  return {
    version: state.version,
    seed: state.seed,
    rules: state.rules,
    rng: [state.rng[0], state.rng[1], state.rng[2], state.rng[3]],
    phase: state.phase,
    levels: state.levels,
    aFailures: state.aFailures,
    deal: {
      number: deal.number,
      level: deal.level,
      levelTeam: deal.levelTeam,
      hands: deal.hands.slice(),
      turn: deal.turn,
      trick: { leader: trick.leader, lastPlay: trick.lastPlay, lastSeat: trick.lastSeat, passes: trick.passes },
      finished: deal.finished.slice(),
      tribute:
        tribute === null
          ? null
          : {
              kind: tribute.kind,
              givers: tribute.givers,
              pending: tribute.pending.slice(),
              paid: tribute.paid.slice(),
              returned: tribute.returned.slice(),
            },
      antiTribute: deal.antiTribute,
      log: deal.log.slice(),
    },
    history: state.history.slice(),
    winner: state.winner,
    timeUp: state.timeUp,
    actionCount: state.actionCount,
  };
}

function fail(code: ConstructorParameters<typeof EngineError>[0], message: string): never {
  throw new EngineError(code, message);
}

function checkSeat(seat: unknown): Seat {
  if (seat !== 0 && seat !== 1 && seat !== 2 && seat !== 3) fail('BAD_ACTION', `not a seat: ${JSON.stringify(seat)}`);
  return seat;
}

/** Removes cards from a hand, or returns null when the hand does not hold them all. */
function without(hand: readonly Card[], cards: readonly Card[]): Card[] | null {
  const rest = [...hand];
  for (const card of cards) {
    const index = rest.indexOf(card);
    if (index < 0) return null;
    rest.splice(index, 1);
  }
  return rest;
}

function levelIndexOf(state: MatchState): number {
  return rankIndex(state.deal.level);
}

function expectPhase(state: MatchState, phase: MatchState['phase']): void {
  if (state.phase === 'over') fail('MATCH_OVER', 'the match is over');
  if (state.phase !== phase) fail('WRONG_PHASE', `this action belongs to the ${phase} phase; the match is in ${state.phase}`);
}

function expectTurn(state: MatchState, seat: Seat): void {
  if (state.deal.turn !== seat) fail('NOT_YOUR_TURN', `seat ${seat} acted, but it is seat ${state.deal.turn}'s turn`);
}

/** The seat after `seat` that still holds cards. */
function nextActive(state: MatchState, seat: Seat): Seat {
  let next = nextSeat(seat);
  while (state.deal.hands[next].length === 0) next = nextSeat(next);
  return next;
}

function play(draft: MatchState, action: Extract<Action, { kind: 'play' }>, events: MatchEvent[]): void {
  const seat = checkSeat(action.seat);
  expectPhase(draft, 'play');
  expectTurn(draft, seat);
  if (!Array.isArray(action.cards) || action.cards.length === 0) fail('BAD_ACTION', 'a play needs cards');
  const ids = action.cards.map(cardId);
  const deal = draft.deal;
  const rest = without(deal.hands[seat], action.cards);
  if (rest === null) fail('CARDS_NOT_IN_HAND', `seat ${seat} does not hold ${action.cards.join(' ')}`);
  const level = levelIndexOf(draft);
  const shapes = readShapes(ids, level, draft.rules);
  if (shapes.length === 0) fail('NOT_A_PLAY', `${action.cards.join(' ')} is not a play at level ${deal.level}`);
  const over = deal.trick.lastPlay === null ? null : shapeOfPlay(deal.trick.lastPlay, level, draft.rules);
  const beatsTable = (shape: PlayShape): boolean => over === null || outranks(shape, over);
  let chosen: PlayShape | undefined;
  if (action.reading !== undefined) {
    if (typeof action.reading !== 'object' || action.reading === null) fail('BAD_ACTION', 'a reading is {type, rank}');
    const { type, rank } = action.reading;
    let key: number;
    try {
      key = playKey(type, rank, level);
    } catch {
      fail('READING_NOT_AVAILABLE', `not a reading: ${JSON.stringify(action.reading)}`);
    }
    chosen = shapes.find((shape) => shape.type === type && shape.key === key);
    if (chosen === undefined) fail('READING_NOT_AVAILABLE', `${action.cards.join(' ')} cannot be read as ${type} ${rank}`);
    if (!beatsTable(chosen)) fail('DOES_NOT_BEAT', `${type} ${rank} does not beat the table`);
  } else {
    chosen = shapes.find(beatsTable);
    if (chosen === undefined) fail('DOES_NOT_BEAT', `${action.cards.join(' ')} does not beat the table`);
  }
  const played = { type: chosen.type, rank: keyRank(chosen.type, chosen.key, level), cards: [...action.cards] };
  deal.hands[seat] = rest;
  deal.trick.lastPlay = played;
  deal.trick.lastSeat = seat;
  deal.trick.passes = 0;
  deal.log.push({ seat, play: played });
  events.push({ kind: 'played', seat, play: played });
  if (rest.length === 0) {
    deal.finished.push(seat);
    events.push({ kind: 'playerOut', seat, place: deal.finished.length });
    if (deal.finished.length === 3 || deal.hands[partnerOf(seat)].length === 0) {
      endDeal(draft, seat, events);
      return;
    }
  }
  deal.turn = nextActive(draft, seat);
}

function pass(draft: MatchState, action: Extract<Action, { kind: 'pass' }>, events: MatchEvent[]): void {
  const seat = checkSeat(action.seat);
  expectPhase(draft, 'play');
  expectTurn(draft, seat);
  const deal = draft.deal;
  const trick = deal.trick;
  if (trick.lastPlay === null || trick.lastSeat === null) fail('LEADER_CANNOT_PASS', 'the leader must play');
  trick.passes++;
  deal.log.push({ seat, play: null });
  events.push({ kind: 'passed', seat });
  const active = SEATS.filter((other) => deal.hands[other].length > 0).length;
  const standingSeatOut = deal.hands[trick.lastSeat].length === 0;
  if (trick.passes < (standingSeatOut ? active : active - 1)) {
    deal.turn = nextActive(draft, seat);
    return;
  }
  // Everyone still in has passed: the standing play wins the trick; a seat that went out with it hands the
  // lead to its partner (接风).
  const leader = standingSeatOut ? partnerOf(trick.lastSeat) : trick.lastSeat;
  events.push({ kind: 'trickWon', seat: trick.lastSeat, leader });
  deal.trick = { leader, lastPlay: null, lastSeat: null, passes: 0 };
  deal.turn = leader;
}

function tribute(draft: MatchState, action: Extract<Action, { kind: 'tribute' }>, events: MatchEvent[]): void {
  const seat = checkSeat(action.seat);
  expectPhase(draft, 'tribute');
  const deal = draft.deal;
  const state = deal.tribute;
  if (state === null) fail('WRONG_PHASE', 'no tribute is owed');
  if (!state.givers.includes(seat) || state.pending.some((entry) => entry.seat === seat)) {
    fail('NOT_YOUR_TURN', `seat ${seat} owes no tribute`);
  }
  cardId(action.card);
  const level = levelIndexOf(draft);
  const rest = without(deal.hands[seat], [action.card]);
  if (rest === null) fail('CARDS_NOT_IN_HAND', `seat ${seat} does not hold ${action.card}`);
  if (!tributeCards(deal.hands[seat], level).includes(action.card)) {
    fail('TRIBUTE_NOT_ALLOWED', `${action.card} is not seat ${seat}'s highest card`);
  }
  deal.hands[seat] = rest;
  state.pending.push({ seat, card: action.card });
  if (state.pending.length < state.givers.length) {
    events.push({ kind: 'tributeSubmitted', seat });
    return;
  }
  const order = draft.history[draft.history.length - 1].order;
  const exchanges: Exchange[] =
    state.kind === 'single'
      ? [{ from: seat, to: order[0], card: action.card }]
      : assignDoubleTribute(draft, state.pending, order[0], order[1], level);
  for (const exchange of exchanges) {
    deal.hands[exchange.to] = sortHand([...deal.hands[exchange.to], exchange.card], level);
    state.paid.push(exchange);
    events.push({ kind: 'tributePaid', exchange });
  }
  state.pending = [];
  draft.phase = 'return';
}

/** Double tribute: the first finisher takes the higher card; equal cards go by the rule option. */
function assignDoubleTribute(
  draft: MatchState,
  pending: { seat: Seat; card: Card }[],
  first: Seat,
  second: Seat,
  level: number,
): Exchange[] {
  const [a, b] = pending;
  const difference = cardOrder(cardId(a.card), level) - cardOrder(cardId(b.card), level);
  let toFirst: { seat: Seat; card: Card };
  if (difference !== 0) toFirst = difference > 0 ? a : b;
  else if (draft.rules.equalDoubleTribute === 'random') toFirst = pending[nextInt(draft.rng, 2)];
  else toFirst = a.seat === nextSeat(first) ? a : b;
  const toSecond = toFirst === a ? b : a;
  return [
    { from: toFirst.seat, to: first, card: toFirst.card },
    { from: toSecond.seat, to: second, card: toSecond.card },
  ];
}

function returnTribute(draft: MatchState, action: Extract<Action, { kind: 'return' }>, events: MatchEvent[]): void {
  const seat = checkSeat(action.seat);
  expectPhase(draft, 'return');
  const deal = draft.deal;
  const state = deal.tribute;
  if (state === null) fail('WRONG_PHASE', 'no return is owed');
  const owed = state.paid.find(
    (exchange) => exchange.to === seat && !state.returned.some((made) => made.from === seat),
  );
  if (owed === undefined) fail('NOT_YOUR_TURN', `seat ${seat} owes no return`);
  cardId(action.card);
  const level = levelIndexOf(draft);
  const rest = without(deal.hands[seat], [action.card]);
  if (rest === null) fail('CARDS_NOT_IN_HAND', `seat ${seat} does not hold ${action.card}`);
  if (!returnCards(deal.hands[seat], level, draft.rules.returnCap).includes(action.card)) {
    fail('RETURN_NOT_ALLOWED', `${action.card} may not be returned at level ${deal.level}`);
  }
  deal.hands[seat] = rest;
  const exchange: Exchange = { from: seat, to: owed.from, card: action.card };
  deal.hands[owed.from] = sortHand([...deal.hands[owed.from], action.card], level);
  state.returned.push(exchange);
  events.push({ kind: 'tributeReturned', exchange });
  if (state.returned.length < state.paid.length) return;
  const first = draft.history[draft.history.length - 1].order[0];
  const leader = state.paid.find((paid) => paid.to === first)?.from ?? first;
  beginPlay(draft, leader, events);
}

function endDeal(draft: MatchState, lastOut: Seat, events: MatchEvent[]): void {
  const deal = draft.deal;
  const order = [...deal.finished];
  for (let seat = nextSeat(lastOut); order.length < 4; seat = nextSeat(seat)) {
    if (!order.includes(seat)) order.push(seat);
  }
  const { result, matchWinner } = settleDeal(deal.level, deal.levelTeam, order, draft.levels, draft.aFailures, draft.rules);
  const restCards = order.slice(deal.finished.length).map((seat) => ({ seat, cards: deal.hands[seat] }));
  const dealResult = { number: deal.number, ...result, restCards };
  draft.levels = result.levels;
  draft.aFailures = result.aFailures;
  draft.history.push(dealResult);
  deal.turn = null;
  events.push({ kind: 'dealEnded', result: dealResult });
  const matchEnd = draft.rules.matchEnd;
  const stopped = (matchEnd.kind === 'deals' && deal.number >= matchEnd.deals) || (matchEnd.kind === 'time' && draft.timeUp);
  if (matchWinner !== null || stopped) {
    draft.phase = 'over';
    draft.winner = matchWinner ?? leaderByLevel(draft.levels);
    events.push({ kind: 'matchEnded', winner: draft.winner, levels: draft.levels });
    return;
  }
  startDeal(draft, events);
}

function timeUp(draft: MatchState): void {
  if (draft.phase === 'over') fail('MATCH_OVER', 'the match is over');
  if (draft.rules.matchEnd.kind !== 'time') fail('BAD_ACTION', 'this match does not end on time');
  draft.timeUp = true;
}

/**
 * Applies one action and returns the next state and what happened. Pure: the given state is not changed, and an
 * action that fails validation throws an EngineError and changes nothing.
 */
export function applyAction(state: MatchState, action: Action): Transition {
  if (typeof action !== 'object' || action === null) fail('BAD_ACTION', 'an action must be an object');
  const draft = draftOf(state);
  const events: MatchEvent[] = [];
  switch (action.kind) {
    case 'play':
      play(draft, action, events);
      break;
    case 'pass':
      pass(draft, action, events);
      break;
    case 'tribute':
      tribute(draft, action, events);
      break;
    case 'return':
      returnTribute(draft, action, events);
      break;
    case 'timeUp':
      timeUp(draft);
      break;
    default:
      fail('BAD_ACTION', `unknown action kind ${JSON.stringify((action as { kind?: unknown }).kind)}`);
  }
  draft.actionCount++;
  return { state: draft, events };
}

/** Who must act now: the seat to play, or every seat that still owes a tribute or a return. */
export function actorsOf(state: MatchState): Seat[] {
  const deal = state.deal;
  const tributeState = deal.tribute;
  if (state.phase === 'play') return deal.turn === null ? [] : [deal.turn];
  if (tributeState === null) return [];
  if (state.phase === 'tribute') {
    return tributeState.givers.filter((seat) => !tributeState.pending.some((entry) => entry.seat === seat));
  }
  if (state.phase === 'return') {
    return tributeState.paid
      .map((exchange) => exchange.to)
      .filter((seat) => !tributeState.returned.some((made) => made.from === seat));
  }
  return [];
}

