export * from './cards.js';
export * from './errors.js';
export * from './rules.js';
export { type Play, type PlayRank, type PlayType, PLAY_TYPES, isBomb } from './play.js';
export { classify } from './classify.js';
export { beats } from './beats.js';
export { legalMoves } from './moves.js';
