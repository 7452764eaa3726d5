/** The anticheat domain as the rest of the server sees it: the one place other domains import it from. */
export * from './anticheat-routes.js';
export * from './anticheat-service.js';
