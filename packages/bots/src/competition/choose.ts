import type { SeatView } from '@guandan/engine';
import type { Bot } from '../bot.js';
import { indexOfAction } from './tuples.js';

export interface Choice {
  index: number;
  /** Why index 0 was sent instead of the bot's choice; absent when the bot's choice is in the list. */
  fallback?: string;
}

/** Asks the bot and finds its action in the host's actionList; index 0 when that fails. */
export function chooseIndex(bot: Bot, view: SeatView | null, actionList: readonly unknown[]): Choice {
  if (view === null) return { index: 0, fallback: 'the act message could not be read' };
  try {
    const action = bot.decide(view);
    const index = indexOfAction(actionList, action);
    if (index >= 0) return { index };
    return { index: 0, fallback: `the bot's ${action.kind} is not in the actionList` };
  } catch (error) {
    return { index: 0, fallback: `the bot failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
