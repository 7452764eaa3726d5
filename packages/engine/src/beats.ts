import { rankIndex } from './cards.js';
import { shapeOfPlay } from './classify.js';
import { outranks, type Play } from './play.js';
import { combinationRules, type Rules } from './rules.js';

/** Whether `play` beats `over` at a level. Both must be readings of their own cards (BAD_PLAY otherwise). */
export function beats(play: Play, over: Play, level: string, rules?: Partial<Rules>): boolean {
  const levelIndex = rankIndex(level);
  const combination = combinationRules(rules);
  return outranks(shapeOfPlay(play, levelIndex, combination), shapeOfPlay(over, levelIndex, combination));
}

