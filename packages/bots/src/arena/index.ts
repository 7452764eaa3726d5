export { runArena, pairSeed, type ArenaOptions, type ArenaResult, type ArenaTiming, type SideTiming } from './arena.js';
export { playDuplicatePair, type DuplicatePairOptions } from './duplicate.js';
export { playArenaMatch, botSeed, type ArenaMatchOptions } from './play-match.js';
export { summarizePairs, type ArenaStatistics, type RateEstimate } from './statistics.js';
export { wilsonInterval, Z_95, type Interval } from './wilson.js';
export { clusteredRate, type ClusterCount, type ClusteredRate } from './clustered-rate.js';
export { DecisionTimer, percentile, type DecisionTimeSummary } from './decision-timer.js';
export { formatArenaReport, alignColumns } from './report.js';
export * from './types.js';
