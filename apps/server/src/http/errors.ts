import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
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

/**
 * Fastify's own refusals before a route runs (a malformed URL, a path parameter too long), which bypass the
 * error handler: the same shape.
 */
export function frameworkErrorHandler(metrics: Metrics): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void {
  return (error, _request, reply) => {
    const { status, code, message } = describe(error);
    metrics.errors.inc({ code });
    void reply.code(status).send({ error: { code, message } });
  };
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a bad request line, headers too large, a request
 * that took too long): answered on the socket in the same shape, then the connection is closed.
 */
export function clientErrorHandler(metrics: Metrics): (error: Error & { code?: string }, socket: Duplex) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'the request headers are too large']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'the request took too long to arrive']
          : [400, 'the request is not valid HTTP'];
    metrics.errors.inc({ code: 'BAD_REQUEST' });
    const body = JSON.stringify({ error: { code: 'BAD_REQUEST', message } });
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy();
  };
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
