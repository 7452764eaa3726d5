import type { Action } from '@guandan/engine';
import type { Bot } from '../bot.js';
import { decideWith } from './decision.js';
import { isOpponent, legalOf, pass, play, type Turn, weakest, weakestBomb } from './policy.js';

/** Lead the weakest planned play that is not a bomb; bombs only when nothing else is left. */
function easyLead(turn: Turn): Action {
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
    decide: (view) => decideWith(view, (turn) => (turn.over === null ? easyLead(turn) : easyFollow(turn))),
  };
}
