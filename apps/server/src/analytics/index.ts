/** The analytics domain as the rest of the server sees it: the one place other domains import it from. */
export * from './analytics-consumers.js';
export * from './analytics-routes.js';
export * from './analytics-service.js';
