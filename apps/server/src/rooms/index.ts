/** The rooms domain as the rest of the server sees it: the one place other domains import it from. */
export * from './match-queue.js';
export * from './room.js';
export * from './room-routes.js';
export * from './room-service.js';
export * from './room-store.js';
