import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { FallbackPage } from './errors.js';

/** Paths the platform itself answers; any other page request gets the app. */
const PLATFORM_PREFIXES = ['/v4', '/docs', '/metrics', '/healthz', '/readyz'];

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
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (!wantsPage || PLATFORM_PREFIXES.some((prefix) => request.url.startsWith(prefix))) return false;
    void reply.sendFile('index.html');
    return true;
  };
}
