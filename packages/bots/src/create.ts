import type { Bot, BotLevel, BotOptions } from './bot.js';
import { easyBot } from './players/easy.js';
import { hardBot } from './players/hard.js';
import { normalBot } from './players/normal.js';
import { randomBot } from './random-bot.js';

/** A bot of the given level. */
export function createBot(level: BotLevel, options: BotOptions = {}): Bot {
  switch (level) {
    case 'random':
      return randomBot(options);
    case 'easy':
      return easyBot();
    case 'normal':
      return normalBot();
    case 'hard':
      return hardBot(options);
  }
}
