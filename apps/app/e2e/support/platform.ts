import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChildServer, startChildServer } from '@guandan/server/child-server';

/** The web build the tests drive (`npm run test:e2e` builds it first). */
export const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

/**
 * The real platform serving the fresh web build. Bots act at a quick but visible pace; quick match fills with
 * bots after a moment; many sign-ups from one address are allowed.
 */
export function startPlatform(env: Record<string, string> = {}, options: { port?: number } = {}): Promise<ChildServer> {
  return startChildServer({
    ...options,
    env: {
      WEB_DIR,
      LOG_LEVEL: 'warn',
      BOT_DELAY_MS: '100',
      QUICK_MATCH_BOT_FILL_MS: '300',
      ...env,
    },
  });
}
