import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { TokenService } from '../auth/index.js';
import { RedisLink } from '../cluster/index.js';
import type { Config } from '../config.js';
import { openChain } from '../economy/index.js';
import { InProcessBus } from '../platform/bus.js';
import { openDatabase } from '../platform/db/database.js';
import { Metrics } from '../platform/metrics.js';
import { Api } from './api.js';
import { clientErrorHandler, frameworkErrorHandler, installErrorHandling } from './errors.js';
import { serveMetrics } from './metrics-route.js';
import { installSecurityHeaders } from './security-headers.js';
import { buildDomains, type Domains, type Platform } from './domains.js';
import { serveConsole, serveWebApp } from './web-app.js';

export interface PlatformServer {
  app: FastifyInstance;
  platform: Platform;
  domains: Domains;
  /** Listens on the configured port (0: any free port) and resumes unfinished tables; the bound URL. */
  start(): Promise<string>;
  close(): Promise<void>;
}

/** Builds the whole platform on the configured adapters; nothing listens until `start`. */
export async function createServer(config: Config): Promise<PlatformServer> {
  const metrics = new Metrics();
  const app = Fastify({
    logger: { level: config.LOG_LEVEL },
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 64 * 1024,
    trustProxy: config.TRUST_PROXY,
    frameworkErrors: frameworkErrorHandler(metrics),
    clientErrorHandler: clientErrorHandler(metrics),
  });
  installSecurityHeaders(app, config.HSTS_MAX_AGE_SECONDS);
  const db = await openDatabase(
    config.database,
    (error) => app.log.warn({ err: error }, 'idle database connection lost'),
    () => metrics.dbQueries.inc(),
  );
  const bus = new InProcessBus((error, event) => app.log.error({ err: error, eventId: event.id, kind: event.kind }, 'event handler failed'));
  const chain = await openChain(config, app.log);
  const redis = config.cluster === null ? null : new RedisLink(config.cluster.redisUrl, config.cluster.namespace);
  await redis?.connect();
  const platform: Platform = { config, db, bus, metrics, tokens: new TokenService(config.jwtSecret, config.JWT_TTL_SECONDS), log: app.log, chain, redis };

  const webPage = await serveWebApp(app, config.WEB_DIR);
  if (webPage === null) app.log.warn({ webDir: config.WEB_DIR }, 'no web build: the app is not served (npm start builds it)');
  const consolePage = await serveConsole(app, config.ADMIN_DIR);
  if (consolePage === null) app.log.warn({ adminDir: config.ADMIN_DIR }, 'no console build: /admin is not served (npm start builds it)');
  installErrorHandling(app, metrics, (request, reply) => (consolePage?.(request, reply) ?? false) || (webPage?.(request, reply) ?? false));
  // On a cluster the limits count across every node.
  await app.register(rateLimit, { global: false, ...(redis === null ? {} : { redis: redis.commands, nameSpace: redis.key('http-rate', '') }) });
  const api = new Api();
  const domains = buildDomains(platform, api);
  api.register(app, domains.access, domains.staff);

  const document = api.openApi({ title: 'Guandan Global API', version: '4.0.0' });
  app.get('/v4/openapi.json', async () => document);
  await app.register(swagger, { mode: 'static', specification: { document: document as never } });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
  serveMetrics(app, metrics, config.METRICS_TOKEN);
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpRequests.inc({ route: request.routeOptions.url ?? 'unknown', status: reply.statusCode });
  });
  domains.attach(app);

  return {
    app,
    platform,
    domains,
    async start() {
      // A queue of connections waiting to be accepted as long as the kernel allows (net.core.somaxconn; Node's
      // default is 511): when thousands of players connect at once, the rest would be dropped and reset.
      const address = await app.listen({ port: config.PORT, host: config.HOST, backlog: 4096 });
      await domains.resume();
      return address.replace('0.0.0.0', '127.0.0.1').replace('[::]', '127.0.0.1');
    },
    async close() {
      await domains.stop();
      await app.close();
      await db.destroy();
      await redis?.close();
      await chain?.stop();
    },
  };
}
