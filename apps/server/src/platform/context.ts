import type { FastifyBaseLogger } from 'fastify';
import type { TokenService } from '../auth/tokens.js';
import type { Config } from '../config.js';
import type { EventBus } from './bus.js';
import type { Db } from './db/database.js';
import type { Metrics } from './metrics.js';

/** The ports every domain is built on: configuration, storage, the bus, metrics, tokens and the log. */
export interface Platform {
  config: Config;
  db: Db;
  bus: EventBus;
  metrics: Metrics;
  tokens: TokenService;
  log: FastifyBaseLogger;
}
