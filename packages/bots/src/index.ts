export * from './bot.js';
export { createBot } from './create.js';
export { actionOptions, playOptions, playAction, mustAct } from './options.js';
