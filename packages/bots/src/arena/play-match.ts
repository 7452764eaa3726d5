import {
  type Action,
  actorsOf,
  applyAction,
  type DealResult,
  EngineError,
  legalActions,
  type MatchState,
  type Rules,
  type Seat,
  SEATS,
  startMatch,
  type Team,
  type Transition,
  viewFor,
} from '@guandan/engine';
import type { Bot } from '../bot.js';
import { createBot } from '../create.js';
import { DecisionTimer } from './decision-timer.js';
import {
  type BotError,
  type BotFactory,
  type DealOutcome,
  type Lineup,
  type MatchOutcome,
  type Side,
  sideOfSeat,
  sideOfTeam,
  type TransitionObserver,
} from './types.js';

export interface ArenaMatchOptions {
  seed: string;
  lineup: Lineup;
  /** The engine team whose seats side A holds: 0 for seats 0 and 2, 1 for seats 1 and 3. */
  aTeam: Team;
  rules?: Partial<Rules>;
  timer?: DecisionTimer;
  createBot?: BotFactory;
  observe?: TransitionObserver;
}

/** The seed of one seat's bot: the match seed and the seat, so every seat has its own random choices. */
export function botSeed(matchSeed: string, seat: Seat): string {
  return `${matchSeed}:seat${seat}`;
}

/**
 * Plays one whole match between two bot levels. Each seat has its own bot instance and every decision sees only
 * `viewFor(state, seat)`. A decision the engine refuses (or that throws, or names another seat) is recorded as an
 * error and replaced by the first legal action, so the match goes on.
 */
export function playArenaMatch(options: ArenaMatchOptions): MatchOutcome {
  const { seed, lineup, aTeam } = options;
  const timer = options.timer ?? new DecisionTimer();
  const makeBot = options.createBot ?? createBot;
  const label = { seed, aTeam };
  const bots = SEATS.map((seat) => makeBot(lineup[sideOfSeat(seat, aTeam)], { seed: botSeed(seed, seat) }));
  const outcome: MatchOutcome = { ...label, winner: null, deals: [], decisions: { A: 0, B: 0 }, errors: [] };

  const record = (transition: Transition): MatchState => {
    options.observe?.(transition, label);
    for (const event of transition.events) {
      if (event.kind === 'dealEnded') outcome.deals.push(dealOutcome(event.result, aTeam));
    }
    return transition.state;
  };

  let state = record(startMatch({ seed, rules: options.rules }));
  while (state.phase !== 'over') {
    const seat = actorsOf(state)[0];
    const side = sideOfSeat(seat, aTeam);
    outcome.decisions[side]++;
    const decision = decide(bots[seat], state, seat, side, timer);
    const applied = decision.ok ? applyBotAction(state, decision.action) : decision;
    if (applied.ok) {
      state = record(applied.transition);
    } else {
      const where = { matchSeed: seed, dealNumber: state.deal.number, seat, side, level: lineup[side] };
      outcome.errors.push({ ...where, ...applied.failure });
      state = record(applyAction(state, firstLegalAction(state, seat)));
    }
  }
  outcome.winner = state.winner === null ? null : sideOfTeam(state.winner, aTeam);
  return outcome;
}

type Failure = Pick<BotError, 'reason' | 'code' | 'message' | 'action'>;
type Decision = { ok: true; action: Action } | { ok: false; failure: Failure };
type Applied = { ok: true; transition: Transition } | { ok: false; failure: Failure };

/** Asks the seat's bot for an action on its own view, timing only the bot's work. */
function decide(bot: Bot, state: MatchState, seat: Seat, side: Side, timer: DecisionTimer): Decision {
  const view = viewFor(state, seat);
  let action: Action;
  try {
    action = timer.measure(side, () => bot.decide(view));
  } catch (error) {
    return { ok: false, failure: { reason: 'threw', code: codeOf(error), message: messageOf(error), action: null } };
  }
  // The engine checks everything else, but it would accept another actor's tribute during a double tribute.
  if (typeof action === 'object' && action !== null && 'seat' in action && action.seat !== seat) {
    const message = `seat ${seat} answered with an action for seat ${String(action.seat)}`;
    return { ok: false, failure: { reason: 'wrong-seat', code: null, message, action } };
  }
  return { ok: true, action };
}

/** Applies a bot's action; an EngineError is the engine refusing it, anything else is a real failure. */
function applyBotAction(state: MatchState, action: Action): Applied {
  try {
    return { ok: true, transition: applyAction(state, action) };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { ok: false, failure: { reason: 'refused', code: error.code, message: error.message, action } };
  }
}

function firstLegalAction(state: MatchState, seat: Seat): Action {
  const [first] = legalActions(state, seat);
  if (first === undefined) throw new Error(`engine lists no legal action for seat ${seat}, which must act`);
  return first;
}

function dealOutcome(result: Pick<DealResult, 'number' | 'team' | 'rise'>, aTeam: Team): DealOutcome {
  return { number: result.number, winner: sideOfTeam(result.team, aTeam), rise: result.rise };
}

function codeOf(error: unknown): string | null {
  return error instanceof EngineError ? error.code : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
