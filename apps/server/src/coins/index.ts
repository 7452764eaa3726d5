/** The coins domain as the rest of the server sees it: the one place other domains import it from. */
export * from './coin-accounts.js';
export * from './coins-routes.js';
export * from './settlement.js';
export * from './coin-flows.js';
