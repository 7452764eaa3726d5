/** The economy domain as the rest of the server sees it: the one place other domains import it from. */
export * from './chain-runtime.js';
export * from './economy-domain.js';
export * from './reward-minter.js';
export * from './tokenomics.js';
export * from './economy-report.js';
export * from './first-reward.js';
