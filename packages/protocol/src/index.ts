export * from './errors.js';
export * from './common.js';
export * from './rest.js';
export * from './realtime.js';
export * from './chat-text.js';
export * from './economy.js';
export * from './username.js';
export * from './bot-names.js';
