/** The kyc domain as the rest of the server sees it: the one place other domains import it from. */
export * from './aml-screening.js';
export * from './identity-checks.js';
export * from './kyc-routes.js';
export * from './kyc-service.js';
export * from './sanctions.js';
export * from './sumsub-checks.js';
