import { type Action, isBomb, type Play, type SeatView } from '@guandan/engine';
import { actionOptions, mustAct, playAction } from './options.js';
import { normalDecide } from './players/normal.js';
import { legalOf, turnOf, valueOf } from './players/policy.js';

const sameAction = (a: Action, b: Action): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Suggestions for a person (the 提示 button), best first: the `normal` bot's choice, then the plays of the hand's
 * plan, then other plays weakest first, bombs last. Tribute and return list the allowed cards, best first.
 */
export function hint(view: SeatView, limit = 10): Action[] {
  if (!mustAct(view)) return [];
  const ranked: Action[] = [normalDecide(view)];
  const add = (action: Action): void => {
    if (ranked.length < limit && !ranked.some((existing) => sameAction(existing, action))) ranked.push(action);
  };
  if (view.phase !== 'play') {
    for (const action of actionOptions(view)) add(action);
    return ranked;
  }
  const turn = turnOf(view);
  const level = view.level;
  const byStrength = (plays: Play[]): Play[] => [...plays].sort((a, b) => valueOf(a, level) - valueOf(b, level));
  for (const play of byStrength(legalOf(turn.plan.plays, turn.options))) add(playAction(view, play));
  for (const play of byStrength(turn.options.filter((option) => !isBomb(option.type)))) add(playAction(view, play));
  for (const play of byStrength(turn.options.filter((option) => isBomb(option.type)))) add(playAction(view, play));
  return ranked;
}

/** The stand-in for a seat that timed out or asked for 托管: the `normal` bot's choice. */
export function autoPlay(view: SeatView): Action {
  return normalDecide(view);
}
