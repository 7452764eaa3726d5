/** The admin domain as the rest of the server sees it: the one place other domains import it from. */
export * from './admin-service.js';
export * from './admin-user-routes.js';
export * from './audit-log.js';
export * from './case-routes.js';
export * from './audit-routes.js';
export * from './staff-roles.js';
export * from './payment-routes.js';
export * from './table-ending-audit.js';
export * from './table-routes.js';
export * from './table-watch.js';
export * from './economy-routes.js';
