/** The auth domain as the rest of the server sees it: the one place other domains import it from. */
export * from './auth-routes.js';
export * from './auth-service.js';
export * from './tokens.js';
