import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FallbackPage } from './errors.js';

/** Where the operator console is served. */
export const CONSOLE_PREFIX = '/admin';

/** Paths the platform itself answers; any other page request gets the app. */
const PLATFORM_PREFIXES = ['/v4', '/docs', '/metrics', '/healthz', '/readyz', CONSOLE_PREFIX];

/** Whether the request's path is `prefix` or below it (`/admin/users`, not `/administrator`). */
function isUnder(request: FastifyRequest, prefix: string): boolean {
  const path = request.url.split('?')[0];
  return path === prefix || path.startsWith(`${prefix}/`);
}

function wantsPage(request: FastifyRequest): boolean {
  return request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
}

/**
 * Serves the player app's web build at `/`, with the brotli/gzip copies the build writes beside each file.
 * Hashed bundles are cached for a year; everything else is revalidated so a new build is picked up at once.
 * Returns the page fallback for unmatched page requests, or null (serving nothing) when there is no build.
 */
export async function serveWebApp(app: FastifyInstance, webDir: string): Promise<FallbackPage | null> {
  if (!existsSync(join(webDir, 'index.html'))) return null;
  const hashedDir = `${sep}_expo${sep}static${sep}`;
  await app.register(fastifyStatic, {
    root: webDir,
    preCompressed: true,
    setHeaders(response, path) {
      response.header('cache-control', path.includes(hashedDir) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (request, reply) => {
    if (!wantsPage(request) || PLATFORM_PREFIXES.some((prefix) => isUnder(request, prefix))) return false;
    void reply.sendFile('index.html');
    return true;
  };
}

/**
 * Serves the operator console's build (apps/admin, its own web app on the same REST API) under /admin: its hashed
 * assets cached for a year, and its page for any page request under /admin (the console routes in the browser).
 * Returns that page fallback, or null when there is no build.
 */
export async function serveConsole(app: FastifyInstance, consoleDir: string): Promise<FallbackPage | null> {
  const indexFile = join(consoleDir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const assetsDir = `${sep}assets${sep}`;
  await app.register(fastifyStatic, {
    root: consoleDir,
    prefix: `${CONSOLE_PREFIX}/`,
    decorateReply: false,
    setHeaders(response, path) {
      response.header('cache-control', path.includes(assetsDir) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const page = readFileSync(indexFile);
  return (request, reply) => {
    if (!wantsPage(request) || !isUnder(request, CONSOLE_PREFIX)) return false;
    void reply.code(200).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
    return true;
  };
}
