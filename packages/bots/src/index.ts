export * from './bot.js';
export { createBot } from './create.js';
export { actionOptions, playOptions, playAction, mustAct } from './options.js';
export { autoPlay } from './auto-play.js';
export { hardBot, type HardOptions } from './players/hard.js';
export { planHand, type HandPlan } from './players/decompose.js';
