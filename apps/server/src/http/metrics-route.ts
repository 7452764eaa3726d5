import { createHash, timingSafeEqual } from 'node:crypto';
import { ProtocolError } from '@guandan/protocol';
import type { FastifyInstance } from 'fastify';
import { bearerToken } from '../platform/access.js';
import type { Metrics } from '../platform/metrics.js';

/**
 * GET /metrics for a Prometheus scraper holding `token` (Authorization: Bearer). The metrics tell an outsider how
 * busy the platform is and which errors it answers, so without a token nobody is served.
 */
export function serveMetrics(app: FastifyInstance, metrics: Metrics, token: string | undefined): void {
  const expected = token === undefined ? null : digest(token);
  app.get('/metrics', async (request, reply) => {
    if (expected === null) throw new ProtocolError('FORBIDDEN', 'metrics are off: set METRICS_TOKEN and scrape with Authorization: Bearer <token>');
    const given = bearerToken(request.headers.authorization);
    if (given === null || !timingSafeEqual(digest(given), expected)) throw new ProtocolError('UNAUTHORIZED', 'metrics need Authorization: Bearer <METRICS_TOKEN>');
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

/** Equal-length digests, so comparing them takes the same time whatever was sent. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
