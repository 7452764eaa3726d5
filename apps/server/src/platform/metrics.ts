import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The platform's Prometheus metrics, served at /metrics. */
export class Metrics {
  readonly registry = new Registry();
  readonly connections = new Gauge({ name: 'guandan_ws_connections', help: 'Open realtime connections', registers: [this.registry] });
  readonly tables = new Gauge({ name: 'guandan_tables_active', help: 'Tables being played on this node', registers: [this.registry] });
  readonly actions = new Counter({
    name: 'guandan_actions_total',
    help: 'Game actions applied, by source (player, auto, bot)',
    labelNames: ['source'],
    registers: [this.registry],
  });
  readonly actionLatency = new Histogram({
    name: 'guandan_action_seconds',
    help: 'From receiving a player action to sending its updates',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'guandan_errors_total',
    help: 'Refused requests and messages, by code',
    labelNames: ['code'],
    registers: [this.registry],
  });
  readonly replyEntries = new Gauge({
    name: 'guandan_ws_reply_cache_entries',
    help: 'Direct replies remembered for retried realtime messages, over every user on this node',
    registers: [this.registry],
  });
  readonly dbQueries = new Counter({ name: 'guandan_db_queries_total', help: 'SQL statements run', registers: [this.registry] });
  readonly httpRequests = new Counter({
    name: 'guandan_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['route', 'status'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
