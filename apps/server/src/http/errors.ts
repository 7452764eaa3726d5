import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorCode, ProtocolError } from '@guandan/protocol';
import { EngineError } from '@guandan/engine';
import type { Metrics } from '../platform/metrics.js';

/** Answers a request no route matched, when it can (the web app's page); false to answer 404. */
export type FallbackPage = (request: FastifyRequest, reply: FastifyReply) => boolean;

/**
 * Turns any thrown error into `{error: {code, message}}` with the right status; internals are never leaked.
 * Unmatched requests go to `fallbackPage` first.
 */
export function installErrorHandling(app: FastifyInstance, metrics: Metrics, fallbackPage: FallbackPage | null = null): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const { status, code, message } = describe(error);
    metrics.errors.inc({ code });
    // A platform run without a chain answers CHAIN_OFF by design: not a fault to alert on.
    if (status >= 500 && code !== 'CHAIN_OFF') request.log.error({ err: error }, 'request failed');
    void reply.code(status).send({ error: { code, message } });
  });
  app.setNotFoundHandler((request, reply) => {
    if (fallbackPage?.(request, reply)) return;
    metrics.errors.inc({ code: 'NOT_FOUND' });
    void reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url}` } });
  });
}

function describe(error: FastifyError | Error): { status: number; code: ErrorCode; message: string } {
  if (error instanceof ProtocolError) return { status: error.status, code: error.code, message: error.message };
  if (error instanceof EngineError) return { status: 400, code: error.code, message: error.message };
  const statusCode = (error as FastifyError).statusCode;
  if (statusCode === 429) return { status: 429, code: 'RATE_LIMITED', message: 'too many requests: slow down' };
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, code: 'BAD_REQUEST', message: error.message };
  }
  return { status: 500, code: 'INTERNAL', message: 'internal error' };
}
