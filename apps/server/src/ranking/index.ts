/** The ranking domain as the rest of the server sees it: the one place other domains import it from. */
export * from './boards.js';
export * from './leaderboard-consumer.js';
export * from './leaderboard-store.js';
export * from './ranking-routes.js';
export * from './rating-consumer.js';
export * from './rating-lookup.js';
