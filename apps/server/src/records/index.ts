/** The records domain as the rest of the server sees it: the one place other domains import it from. */
export * from './finished-game.js';
export * from './record-store.js';
export * from './records-routes.js';
