import { EngineError, nextInt, seedRng } from '@guandan/engine';
import type { Bot, BotOptions } from './bot.js';
import { actionOptions } from './options.js';

/** The baseline: a uniformly random legal action. */
export function randomBot(options: BotOptions = {}): Bot {
  const random = seedRng(`random-bot:${options.seed ?? 0}`);
  return {
    level: 'random',
    decide(view) {
      const actions = actionOptions(view);
      if (actions.length === 0) throw new EngineError('NOT_YOUR_TURN', `seat ${view.seat} has nothing to do now`);
      return actions[nextInt(random, actions.length)];
    },
  };
}
