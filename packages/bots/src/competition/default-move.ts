import { type Action, applyAction, legalActions, type MatchState, type Seat, type Transition, viewFor } from '@guandan/engine';
import type { Bot } from '../bot.js';

function isFor(action: Action, seat: Seat): boolean {
  return action.kind !== 'timeUp' && action.seat === seat;
}

/**
 * Applies the seat's default move: what the stand-in bot would do from the seat's view, or, if the bot fails or
 * proposes something the engine refuses, the seat's first legal action.
 */
export function applyDefaultMove(state: MatchState, seat: Seat, bot: Bot): Transition {
  try {
    const action = bot.decide(viewFor(state, seat));
    if (isFor(action, seat)) return applyAction(state, action);
  } catch {
    // fall through to the first legal action
  }
  const first = legalActions(state, seat)[0];
  if (first === undefined) throw new Error(`seat ${seat} has no legal action`);
  return applyAction(state, first);
}
