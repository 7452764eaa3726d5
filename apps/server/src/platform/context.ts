import type { FastifyBaseLogger } from 'fastify';
import type { TokenService } from '../auth/tokens.js';
import type { Config } from '../config.js';
import type { RedisLink } from '../cluster/redis-link.js';
import type { ChainRuntime } from '../economy/chain-runtime.js';
import type { EventBus } from './bus.js';
import type { Db } from './db/database.js';
import type { Metrics } from './metrics.js';

/** The ports every domain is built on: configuration, storage, the bus, metrics, tokens, the chain (if any) and the log. */
export interface Platform {
  config: Config;
  db: Db;
  bus: EventBus;
  metrics: Metrics;
  tokens: TokenService;
  log: FastifyBaseLogger;
  /** Null with CHAIN=off. */
  chain: ChainRuntime | null;
  /** The shared Redis when this process is a node of a cluster; null on one process. */
  redis: RedisLink | null;
}
