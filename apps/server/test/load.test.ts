import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runLoad } from '../tools/load/load-run.js';
import { ServerStatsSampler } from '../tools/load/server-stats.js';
import { prometheusUsage } from '../tools/load/server-usage.js';
import { startTestServer, type TestServer } from './support/server.js';

const METRICS_TOKEN = 'load-test-metrics-token';

describe('load test', () => {
  let t: TestServer;
  before(async () => {
    // As the load test's own server is set up: bots act at once, far faster than the per-person realtime limit.
    t = await startTestServer({ env: { REALTIME_MESSAGES_PER_SECOND: '1000', REALTIME_BURST: '1000', METRICS_TOKEN } });
  });
  after(async () => t.cleanup());

  test('two tables of bot clients play, and the run reports answered actions, no errors and latencies', async () => {
    const report = await runLoad({
      baseUrl: t.url,
      tables: 2,
      durationMs: 3000,
      rampMs: 500,
      serverStats: new ServerStatsSampler(prometheusUsage(`${t.url}/metrics`, METRICS_TOKEN), 'metrics', 500),
    });
    assert.equal(report.errors.total, 0, report.errors.examples.join('\n'));
    assert.ok(report.acknowledged > 0);
    assert.ok(report.actionsPerSecond > 0);
    assert.equal(report.socketsOpen, 8);
    assert.equal(report.serverPlayed, 0, 'the clients acted on every turn themselves');
    const latency = report.latency;
    assert.ok(latency !== null);
    assert.equal(latency.samples, report.acknowledged);
    assert.ok(latency.p50Ms <= latency.p95Ms && latency.p95Ms <= latency.p99Ms && latency.p99Ms <= latency.maxMs);
    assert.ok(report.server !== null && report.server.peakRssBytes !== null && report.server.peakRssBytes > 0);
  });
});
