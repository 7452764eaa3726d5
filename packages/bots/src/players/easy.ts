import { type Action, EngineError, returnOptions, type SeatView, tributeOptions } from '@guandan/engine';
import type { Bot } from '../bot.js';
import { mustAct } from '../options.js';
import { bestCardToGive, goingOut, isOpponent, legalOf, pass, play, type Turn, turnOf, weakest, weakestBomb } from './policy.js';

/** Tribute and return, shared by the rule-based levels: give what the plan misses least. */
export function exchangeAction(view: SeatView): Action {
  const seat = view.seat;
  if (view.phase === 'tribute') return { kind: 'tribute', seat, card: bestCardToGive(view.hand, tributeOptions(view.hand, view.level), view.level) };
  return { kind: 'return', seat, card: bestCardToGive(view.hand, returnOptions(view.hand, view.level, view.rules), view.level) };
}

export function assertMustAct(view: SeatView): void {
  if (!mustAct(view)) throw new EngineError('NOT_YOUR_TURN', `seat ${view.seat} has nothing to do now`);
}

/** Lead the weakest planned play that is not a bomb; bombs only when nothing else is left. */
export function easyLead(turn: Turn): Action {
  const level = turn.view.level;
  const chosen = weakest(turn.plan.plays, level) ?? weakest(turn.plan.bombs, level) ?? turn.options[0];
  return play(turn.view, chosen);
}

/** Follow with the weakest planned play that beats the table; bomb only an opponent close to going out. */
function easyFollow(turn: Turn): Action {
  const view = turn.view;
  const fitting = weakest(legalOf(turn.plan.plays, turn.options), view.level);
  if (fitting !== undefined) return play(view, fitting);
  const standing = view.trick.lastSeat;
  const threat = standing !== null && isOpponent(view.seat, standing) && view.handCounts[standing] <= 5;
  const bomb = threat || turn.plan.steps <= 1 ? weakestBomb(turn) : undefined;
  return bomb === undefined ? pass(view) : play(view, bomb);
}

/** Splits its hand into the fewest plays, plays them weakest first and keeps bombs for need. */
export function easyBot(): Bot {
  return {
    level: 'easy',
    decide(view) {
      assertMustAct(view);
      if (view.phase !== 'play') return exchangeAction(view);
      const turn = turnOf(view);
      const out = goingOut(turn);
      if (out !== undefined) return play(view, out);
      return turn.over === null ? easyLead(turn) : easyFollow(turn);
    },
  };
}
