/** The payments domain as the rest of the server sees it: the one place other domains import it from. */
export * from './card-payments.js';
export * from './catalog.js';
export * from './payments-routes.js';
export * from './payments-service.js';
export * from './responsible-play.js';
export * from './stripe-payments.js';
