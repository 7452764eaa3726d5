/** The friends domain as the rest of the server sees it: the one place other domains import it from. */
export * from './friends-routes.js';
export * from './friends-service.js';
