import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { HTTP_STATUS, type PlatformErrorCode, ProtocolError } from '@guandan/protocol';
import { WebSocketServer, type WebSocket } from 'ws';
import { type AccessVerifier, bearerToken } from '../platform/access.js';
import type { Config } from '../config.js';
import type { Metrics } from '../platform/metrics.js';
import { Connection } from './connection.js';
import type { ConnectionRegistry } from './connection-registry.js';
import type { Dispatcher } from './dispatcher.js';
import { KeyedRateLimit } from './keyed-rate-limit.js';

export const REALTIME_PATH = '/v4/realtime';

const SESSION_END_CODES: ReadonlySet<string> = new Set(['ACCOUNT_BANNED', 'ACCOUNT_SUSPENDED', 'SIGNED_OUT']);

/**
 * The heartbeat visits one of this many groups of sockets at a time, each every HEARTBEAT_MS: pinging every socket at
 * once would hold the event loop for the whole round (about 100 ms for 8,000 sockets here) and stall every table.
 */
const HEARTBEAT_GROUPS = 10;

/**
 * The realtime endpoint: authenticates the upgrade with the JWT (`Authorization: Bearer` or `?token=`, since
 * browsers cannot set headers on a WebSocket), then feeds each text frame to the dispatcher in order. Heartbeats
 * close sockets that stop answering pings.
 */
export class RealtimeGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 });
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly heartbeatGroups = Array.from({ length: HEARTBEAT_GROUPS }, () => new Set<Connection>());
  private nextGroup = 0;
  private accepted = 0;
  /**
   * Sockets each account may open on this node: a burst of twice the cap, then REALTIME_OPENS_PER_MINUTE. Without
   * it, an account reopening every socket the cap closes turns the cap into a stream of upgrades.
   */
  private readonly opens: KeyedRateLimit;

  constructor(
    private readonly deps: {
      config: Config;
      tokens: AccessVerifier;
      registry: ConnectionRegistry;
      dispatcher: Dispatcher;
      metrics: Metrics;
      log: { warn(object: unknown, message: string): void };
    },
  ) {
    const { REALTIME_OPENS_PER_MINUTE, REALTIME_SOCKETS_PER_USER } = deps.config;
    this.opens = new KeyedRateLimit(REALTIME_OPENS_PER_MINUTE / 60, 2 * REALTIME_SOCKETS_PER_USER);
  }

  attach(app: FastifyInstance): void {
    app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      void this.upgrade(request, socket, head);
    });
    this.heartbeat = setInterval(() => this.beat(), this.deps.config.HEARTBEAT_MS / HEARTBEAT_GROUPS);
    this.heartbeat.unref();
  }

  async close(): Promise<void> {
    if (this.heartbeat !== null) clearInterval(this.heartbeat);
    for (const connection of this.deps.registry.all()) connection.socket.close(1001, 'server shutting down');
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.deps.dispatcher.stop();
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== REALTIME_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    const token = bearerToken(request.headers.authorization) ?? url.searchParams.get('token');
    let userId: string;
    try {
      if (token === null) throw new Error('no token');
      userId = (await this.deps.tokens.verifyAccess(token)).userId;
    } catch (error) {
      // A banned, suspended or signed-out account is told so; any other refusal reads as a missing token.
      const ended = error instanceof ProtocolError && SESSION_END_CODES.has(error.code) ? error : null;
      const code = ended?.code ?? 'UNAUTHORIZED';
      this.deps.metrics.errors.inc({ code });
      const status = ended === null ? '401 Unauthorized' : `${HTTP_STATUS[ended.code as PlatformErrorCode]} ${ended.code === 'SIGNED_OUT' ? 'Unauthorized' : 'Forbidden'}`;
      const body = JSON.stringify({ error: { code, message: ended?.message ?? 'a valid access token is required' } });
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: application/json\r\n\r\n${body}`);
      return;
    }
    if (!this.opens.take(userId)) {
      this.deps.metrics.errors.inc({ code: 'RATE_LIMITED' });
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Type: application/json\r\n\r\n{"error":{"code":"RATE_LIMITED","message":"too many connections opened: wait a few seconds"}}');
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, userId));
  }

  private accept(ws: WebSocket, userId: string): void {
    const { registry, dispatcher, metrics } = this.deps;
    const connection = new Connection(ws, userId, randomUUID());
    const group = this.heartbeatGroups[this.accepted++ % HEARTBEAT_GROUPS];
    group.add(connection);
    dispatcher.userArrived(userId);
    // Messages of one connection are handled strictly in order, as the client sent them, once the user's presence
    // (and on a cluster, the user's channel) is in place. Those still waiting when the socket closes are dropped.
    let chain = registry.add(connection).catch((error: unknown) => this.deps.log.warn({ err: error, userId }, 'announcing presence failed'));
    ws.on('message', (data, isBinary) => {
      const raw = isBinary ? '' : data.toString();
      chain = chain
        .then(() => (ws.readyState === ws.OPEN ? dispatcher.handle(connection, raw) : undefined))
        .catch((error: unknown) => this.deps.log.warn({ err: error, userId }, 'message handling failed'));
    });
    ws.on('pong', () => (connection.alive = true));
    ws.on('close', () => {
      group.delete(connection);
      registry.remove(connection);
      if (!registry.holds(userId)) dispatcher.userLeft(userId);
      metrics.connections.set(registry.size);
    });
    ws.on('error', () => ws.terminate());
    metrics.connections.set(registry.size);
  }

  /** Pings the next group of sockets; one that did not answer the last ping is closed. */
  private beat(): void {
    const group = this.heartbeatGroups[this.nextGroup];
    this.nextGroup = (this.nextGroup + 1) % HEARTBEAT_GROUPS;
    for (const connection of group) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }
}
