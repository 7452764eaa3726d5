/** The wallet domain as the rest of the server sees it: the one place other domains import it from. */
export * from './wallet-linked.js';
export * from './wallet-routes.js';
export * from './wallet-service.js';
