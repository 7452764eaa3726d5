import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChildServer, freePort, startChildServer } from '@guandan/server/child-server';
import { FakeStripe } from '@guandan/server/fake-stripe';

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

/** A platform with its shop open on a local Stripe, and that Stripe. */
export interface ShopPlatform {
  platform: ChildServer;
  stripe: FakeStripe;
}

/**
 * The platform with its shop open, paying on a local Stripe (`@guandan/server/fake-stripe`). Its port is chosen
 * first: PUBLIC_URL, where the payment page sends the player back, is the platform's own address.
 */
export async function startShopPlatform(env: Record<string, string> = {}): Promise<ShopPlatform> {
  const stripe = new FakeStripe();
  await stripe.start();
  const port = await freePort();
  const platform = await startPlatform(
    {
      PAYMENTS: 'stripe',
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_URL: stripe.url,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    { port },
  );
  stripe.webhookUrl = `${platform.url}/v4/payments/stripe/webhook`;
  return { platform, stripe };
}
