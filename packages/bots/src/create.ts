import type { Bot, BotLevel, BotOptions } from './bot.js';
import { randomBot } from './random-bot.js';

/** A bot of the given level. */
export function createBot(level: BotLevel, options: BotOptions = {}): Bot {
  switch (level) {
    case 'random':
    case 'easy':
    case 'normal':
    case 'hard':
      return { ...randomBot(options), level };
  }
}
