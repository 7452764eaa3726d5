import {
  actorsOf,
  applyAction,
  type DealResult,
  type MatchState,
  type Rank,
  type Rules,
  type Seat,
  startMatch,
  type Team,
  viewFor,
} from '@guandan/engine';
import type { Bot } from '../bot.js';
import { protocolOptions } from './action-list.js';
import { type ActMessage, actMessage, type ServerMessage } from './messages.js';
import { applyDefaultMove } from './default-move.js';
import { notificationsFor } from './notifications.js';
import type { AskOutcome, DefaultReason } from './reply.js';
import { trickEntries, trickStartAfter } from './trick.js';

/** A seat as the match sees it: somewhere to send messages and to ask for a move. */
export interface SeatPort {
  send(message: ServerMessage): void;
  ask(message: ActMessage): Promise<AskOutcome>;
}

export interface MatchSetup {
  seed: string | number;
  rules?: Partial<Rules>;
  /** Under `matchEnd: {kind: 'time'}`: the host calls time after this many ms. */
  timeLimitMs?: number;
}

export interface DealSummary {
  number: number;
  level: Rank;
  order: Seat[];
  levels: [Rank, Rank];
}

export interface MatchSummary {
  seed: string | number;
  /** The winning team; null for a drawn match (a deal- or time-limited match with equal levels). */
  winner: Team | null;
  levels: [Rank, Rank];
  deals: DealSummary[];
  /** Moves made for each seat by its default move. */
  defaultMoves: number[];
}

export interface MatchHooks {
  onDefault?(seat: Seat, reason: DefaultReason): void;
  onDeal?(result: DealResult): void;
  /** Checked before every act: true stops the match with an error. */
  aborted?(): boolean;
}

/**
 * Plays one match with the engine over four seats: after every transition each seat gets its notify messages,
 * then the seat that must act gets an `act`. During tribute and return the seats that owe a card are asked one at
 * a time, in the engine's order, so the outcome does not depend on who answers first. A seat with no valid answer
 * gets its default move (its stand-in bot), and the table goes on.
 */
export async function playMatch(
  setup: MatchSetup,
  seats: readonly SeatPort[],
  standIns: readonly Bot[],
  hooks: MatchHooks = {},
): Promise<MatchSummary> {
  const defaultMoves = [0, 0, 0, 0];
  const deadline = Date.now() + (setup.timeLimitMs ?? Infinity);
  let before: MatchState | null = null;
  let transition = startMatch({ seed: setup.seed, rules: setup.rules });
  let trickStart = 0;
  while (true) {
    const state = transition.state;
    for (const { to, message } of notificationsFor(before, state, transition.events)) {
      if (to === 'all') seats.forEach((seat) => seat.send(message));
      else seats[to].send(message);
    }
    for (const event of transition.events) if (event.kind === 'dealEnded') hooks.onDeal?.(event.result);
    trickStart = trickStartAfter(trickStart, state, transition.events);
    if (state.phase === 'over') return summarize(setup.seed, state, defaultMoves);
    if (hooks.aborted?.()) throw new Error('the host was closed during the match');

    before = state;
    if (state.rules.matchEnd.kind === 'time' && !state.timeUp && Date.now() >= deadline) {
      transition = applyAction(state, { kind: 'timeUp' });
      continue;
    }
    const seat = actorsOf(state)[0];
    const view = viewFor(state, seat);
    const options = protocolOptions(view);
    const outcome = await seats[seat].ask(actMessage(view, trickEntries(view, trickStart), options.map((o) => o.tuple)));
    if (outcome.index !== null) {
      transition = applyAction(state, options[outcome.index].action);
    } else {
      defaultMoves[seat]++;
      hooks.onDefault?.(seat, outcome.reason);
      transition = applyDefaultMove(state, seat, standIns[seat]);
    }
  }
}

function summarize(seed: string | number, state: MatchState, defaultMoves: number[]): MatchSummary {
  return {
    seed,
    winner: state.winner,
    levels: [...state.levels],
    deals: state.history.map((deal) => ({ number: deal.number, level: deal.level, order: [...deal.order], levels: [...deal.levels] })),
    defaultMoves,
  };
}
