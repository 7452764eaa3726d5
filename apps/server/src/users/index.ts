/** The users domain as the rest of the server sees it: the one place other domains import it from. */
export * from './account-created.js';
export * from './stats-consumer.js';
export * from './users-routes.js';
export * from './users-service.js';
export * from './age.js';
