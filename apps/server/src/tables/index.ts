/** The tables domain as the rest of the server sees it: the one place other domains import it from. */
export * from './sql-table-repository.js';
export * from './table-commands.js';
export * from './table-ports.js';
export * from './table-service.js';
export * from './table-inspector.js';
