import { type Action, EngineError, returnOptions, type SeatView, tributeOptions } from '@guandan/engine';
import { mustAct } from '../options.js';
import { bestCardToGive, goingOut, play, type Turn, turnOf } from './policy.js';

/** Tribute and return, shared by the rule-based levels: give the allowed card the plan misses least. */
function exchangeAction(view: SeatView): Action {
  const seat = view.seat;
  if (view.phase === 'tribute') {
    return { kind: 'tribute', seat, card: bestCardToGive(view.hand, tributeOptions(view.hand, view.level), view.level) };
  }
  return { kind: 'return', seat, card: bestCardToGive(view.hand, returnOptions(view.hand, view.level, view.rules), view.level) };
}

/**
 * The frame every rule-based level shares: refuse when the seat need not act, give tribute and return cards by
 * the plan, go out when one play empties the hand, and otherwise let the level choose its play or pass.
 */
export function decideWith(view: SeatView, choosePlay: (turn: Turn) => Action): Action {
  if (!mustAct(view)) throw new EngineError('NOT_YOUR_TURN', `seat ${view.seat} has nothing to do now`);
  if (view.phase !== 'play') return exchangeAction(view);
  const turn = turnOf(view);
  const out = goingOut(turn);
  return out === undefined ? choosePlay(turn) : play(view, out);
}
