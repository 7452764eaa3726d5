/** The cluster domain as the rest of the server sees it: the one place other domains import it from. */
export * from './cluster-node.js';
export * from './redis-boards.js';
export * from './redis-link.js';
export * from './redis-match-queue.js';
