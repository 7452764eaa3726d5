/** The moderation domain as the rest of the server sees it: the one place other domains import it from. */
export * from './moderation-cases.js';
export * from './moderation-service.js';
export * from './report-routes.js';
export { GOOD_STANDING } from './standing.js';
