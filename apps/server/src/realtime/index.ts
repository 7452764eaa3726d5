/** The realtime domain as the rest of the server sees it: the one place other domains import it from. */
export * from './connection.js';
export * from './connection-registry.js';
export * from './dispatcher.js';
export * from './gateway.js';
export * from './keyed-rate-limit.js';
export * from './presence.js';
