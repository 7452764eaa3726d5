import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const milliseconds = z.coerce.number().int().min(0);

/** Every setting, from the environment, with the defaults documented in docs/OPERATIONS.md. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Set to true only behind a proxy you run: client addresses (rate limits) then come from X-Forwarded-For. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  DATA_DIR: z.string().default('./data'),
  /** The player app's web build, served at `/`; the app workspace's dist by default. */
  WEB_DIR: z.string().default(fileURLToPath(new URL('../../app/dist', import.meta.url))),
  /** How often the anti-cheat's detectors run over the recent games (0: only when an operator asks). */
  ANTICHEAT_INTERVAL_MS: milliseconds.default(3_600_000),
  ANTICHEAT_WINDOW_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  ANTICHEAT_MAX_GAMES: z.coerce.number().int().min(100).max(200_000).default(20_000),
  /** The operator console's build (apps/admin), served at /admin. */
  ADMIN_DIR: z.string().default(fileURLToPath(new URL('../../admin/dist', import.meta.url))),
  DATABASE_URL: z.string().optional(),
  /** With DATABASE_URL, makes this process one node of a cluster sharing Redis (docs/SCALING.md). */
  REDIS_URL: z.string().optional(),
  /** Prefixes every Redis key and channel, so that several platforms (or test runs) can share one Redis. */
  REDIS_NAMESPACE: z.string().regex(/^[\w.-]+$/).default('gd'),
  /** This process's name in the cluster; random when unset. */
  NODE_ID: z.string().regex(/^[\w.-]+$/).optional(),
  /** How long a node's hold on a table lasts without renewal: a dead node's tables move after at most this. */
  TABLE_LEASE_MS: milliseconds.min(1000).default(5000),
  JWT_SECRET: z.string().min(32).optional(),
  JWT_TTL_SECONDS: z.coerce.number().int().min(30).default(900),
  REFRESH_TTL_DAYS: z.coerce.number().int().min(1).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QUICK_MATCH_BOT_FILL_MS: milliseconds.default(10_000),
  RANKED_BOT_FILL_MS: milliseconds.default(30_000),
  BOT_DELAY_MS: milliseconds.default(800),
  /** The pause between two deals of a match: the deal's summary is shown, and nobody is played for until it ends. */
  DEAL_BREAK_MS: milliseconds.default(6_000),
  DISCONNECT_GRACE_MS: milliseconds.default(5_000),
  HEARTBEAT_MS: milliseconds.default(30_000),
  STARTING_COINS: z.coerce.number().int().min(0).default(1000),
  /** The age gate: the youngest a person may be to sign up with an email (and to buy anything). */
  MIN_AGE: z.coerce.number().int().min(13).max(25).default(18),
  /** Wrong passwords one address may try on one account before each further try waits 2^k seconds. */
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).default(5),
  /** Wrong passwords one address may try on all accounts together before it is slowed the same way. */
  LOGIN_ADDRESS_FREE_FAILURES: z.coerce.number().int().min(1).default(20),
  /**
   * Wrong passwords on one account from every address together before each address that has failed on it is
   * slowed from its first failure (many addresses each staying under their own limit).
   */
  LOGIN_ACCOUNT_CEILING: z.coerce.number().int().min(1).default(100),
  /** The longest a throttled sign-in waits, and how long failures are remembered. */
  LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).default(900),
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(60),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Strict-Transport-Security max-age, sent only on requests that came over TLS (directly or per the trusted proxy); 0: never. */
  HSTS_MAX_AGE_SECONDS: z.coerce.number().int().min(0).default(15_552_000),
  /** The bearer token GET /metrics requires; unset, /metrics is refused to everyone. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** The EIP-155 chain the platform's wallets and contracts are on; 31337 is a local development chain. */
  CHAIN_ID: z.coerce.number().int().min(1).default(31337),
  /**
   * The host (with any port) that wallet sign-in messages name, e.g. play.example.com. Unset, each request's own
   * Host is used, which a client can forge: set it in production.
   */
  SIWE_DOMAIN: z.string().min(1).optional(),
  WALLET_NONCE_TTL_SECONDS: z.coerce.number().int().min(10).default(600),
  /** local: anvil started with the platform (the default); rpc: CHAIN_RPC_URL (the default when that is set); off: no chain. */
  CHAIN: z.enum(['local', 'rpc', 'off']).default('local'),
  CHAIN_RPC_URL: z.string().url().optional(),
  /** The deploy script's output (contract addresses and deploy block) for CHAIN=rpc. */
  CHAIN_ADDRESSES_FILE: z.string().optional(),
  /** The key that holds MINTER_ROLE on $PLAY, for CHAIN=rpc; never in git. */
  REWARD_MINTER_PRIVATE_KEY: z.string().regex(/^0x[0-9a-fA-F]{64}$/).optional(),
  REWARD_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(64),
  REWARD_SWEEP_MS: milliseconds.default(5000),
  /**
   * Blocks a reward batch's block must have on top of it (itself included) before its rewards are `confirmed`.
   * Unset: 1 on the local chain (it has no reorgs), 64 on CHAIN=rpc (about two minutes on Polygon PoS).
   */
  REWARD_CONFIRMATIONS: z.coerce.number().int().min(1).max(1000).optional(),
  /** Confirmed batches mined within this many blocks of the head are checked on chain every sweep (crash, reorg). */
  REWARD_RECONCILE_BLOCKS: z.coerce.number().int().min(1).default(256),
  /** Development only: lets NODE_ENV=production run CHAIN=local, a chain whose keys sit in DATA_DIR. */
  ALLOW_LOCAL_CHAIN: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  NODE_ENV: z.string().optional(),
  /** Signed transactions one account may send through the local chain's relay per minute. */
  RELAY_TX_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** How long a wallet's balances are served from memory before the chain is read again. */
  BALANCE_CACHE_MS: milliseconds.default(5000),
  REALTIME_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).default(20),
  REALTIME_BURST: z.coerce.number().int().min(1).default(40),
  /** Open realtime sockets one account may hold (across the cluster); one more closes the oldest (4009). */
  REALTIME_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(5),
  /** Sockets one account may open a minute on a node, after a burst of twice the cap; more are refused with 429. */
  REALTIME_OPENS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** How long a user's remembered replies outlive their last socket on a node, for retries after a reconnect. */
  REALTIME_REPLY_GRACE_MS: milliseconds.default(30_000),
  /** Chat lines and emoji one person may send: a burst, then this many a second. */
  CHAT_USER_BURST: z.coerce.number().int().min(1).default(5),
  CHAT_USER_PER_SECOND: z.coerce.number().positive().default(0.5),
  /** Chat lines and emoji one table takes from everyone at it: each is a table event written to the database. */
  CHAT_TABLE_BURST: z.coerce.number().int().min(1).default(12),
  CHAT_TABLE_PER_SECOND: z.coerce.number().positive().default(1.5),
  /** The card payments of the coin shop: off (the default: the shop says it is closed) or stripe (docs/PAYMENTS.md). */
  PAYMENTS: z.enum(['off', 'stripe']).default('off'),
  /** The platform's own Stripe secret (or restricted) key; never in git. */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_\w+$/).optional(),
  /** The signing secret of the Stripe webhook endpoint (`/v4/payments/stripe/webhook`). */
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/).optional(),
  /** Where the Stripe SDK sends its requests: Stripe's API unless set (a local server in tests). */
  STRIPE_API_URL: z.string().url().optional(),
  /** The platform's public address, where a player comes back to after paying, e.g. https://play.example.com. */
  PUBLIC_URL: z.string().url().optional(),
  /** The shop's currency (ISO 4217, lower case); prices are in its minor unit. */
  SHOP_CURRENCY: z.string().regex(/^[a-z]{3}$/).default('usd'),
  /** Identity checks (KYC): off (nobody rises above tier 0) or sumsub (docs/PAYMENTS.md). */
  KYC: z.enum(['off', 'sumsub']).default('off'),
  SUMSUB_APP_TOKEN: z.string().min(8).optional(),
  /** Signs the platform's requests to Sumsub; never in git. */
  SUMSUB_SECRET_KEY: z.string().min(8).optional(),
  /** Verifies Sumsub's webhooks (`/v4/kyc/sumsub/webhook`); never in git. */
  SUMSUB_WEBHOOK_SECRET: z.string().min(8).optional(),
  SUMSUB_API_URL: z.string().url().default('https://api.sumsub.com'),
  /** The Sumsub verification levels that make a person tier 1 and tier 2. */
  KYC_LEVEL_TIER1: z.string().min(1).default('basic-kyc-level'),
  KYC_LEVEL_TIER2: z.string().min(1).default('cashout-kyc-level'),
  /** Spending above this in a rolling 30 days (shop currency, minor units) needs tier 1. */
  KYC_TIER1_ABOVE_MONTHLY_MINOR: z.coerce.number().int().min(0).default(10_000),
  /** A file of sanctioned addresses, one per line, screened before any payout wallet is used (docs/PAYMENTS.md). */
  SANCTIONS_LIST_FILE: z.string().optional(),
  /** Chainalysis sanctions screening, on top of the local list, when a key is set. */
  CHAINALYSIS_API_KEY: z.string().min(8).optional(),
  CHAINALYSIS_API_URL: z.string().url().default('https://public.chainalysis.com'),
  /** How long the screening provider's answer for an address is reused (wallets are screened at every sign-in). */
  SANCTIONS_CACHE_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(60),
  /** How long a player waits before a higher spending limit (or none) is in force; a lower one is at once. */
  SPENDING_LIMIT_COOLING_OFF_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(72),
  /** Countries (ISO 3166 alpha-2, comma-separated) where the shop is closed. */
  PAID_FEATURES_BLOCKED_COUNTRIES: z
    .string()
    .regex(/^([A-Z]{2}(,[A-Z]{2})*)?$/)
    .default('')
    .transform((list) => new Set(list === '' ? [] : list.split(','))),
  /** The request header the proxy in front puts the client's country in (read only with TRUST_PROXY=true). */
  COUNTRY_HEADER: z.string().regex(/^[a-z0-9-]+$/).default('cf-ipcountry'),
  /** The coin packs on sale: `id:coins:price` items, comma-separated, the price in the currency's minor unit. */
  COIN_PACKS: z
    .string()
    .regex(/^[a-z0-9_]{1,32}:\d{1,9}:\d{1,9}(,[a-z0-9_]{1,32}:\d{1,9}:\d{1,9})*$/)
    .default('coins_1200:1200:99,coins_6500:6500:499,coins_14000:14000:999'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Omit<Env, 'JWT_SECRET'> {
  jwtSecret: string;
  /** `sqlite` with a file under DATA_DIR, or `postgres` when DATABASE_URL is set. */
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  /** Null on a single process; the shared Redis and this node's id when clustered. */
  cluster: { redisUrl: string; namespace: string; nodeId: string } | null;
  /** Sumsub's keys with KYC=sumsub; null when identity checks are off. */
  sumsub: { appToken: string; secretKey: string; webhookSecret: string; apiUrl: string } | null;
  /** Stripe's keys and where players come back to, with PAYMENTS=stripe; null when payments are off. */
  stripe: { secretKey: string; webhookSecret: string; apiUrl: string | undefined; publicUrl: string } | null;
}

/**
 * Reads the settings. Without JWT_SECRET a random secret is made once and kept in DATA_DIR (never in git), so
 * sessions survive a restart on the embedded default.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // A chain address given without a mode means that chain.
  const withMode = env.CHAIN === undefined && env.CHAIN_RPC_URL ? { ...env, CHAIN: 'rpc' } : env;
  const parsed = EnvSchema.safeParse(withMode);
  if (!parsed.success) throw new Error(`bad configuration: ${z.prettifyError(parsed.error)}`);
  const { JWT_SECRET, ...settings } = parsed.data;
  if (settings.REDIS_URL && !settings.DATABASE_URL) throw new Error('bad configuration: REDIS_URL needs DATABASE_URL (the nodes of a cluster share PostgreSQL)');
  if (settings.REDIS_URL && !JWT_SECRET) throw new Error('bad configuration: REDIS_URL needs JWT_SECRET (every node of a cluster verifies the same tokens)');
  if (settings.NODE_ENV === 'production' && settings.CHAIN === 'local' && !settings.ALLOW_LOCAL_CHAIN) {
    throw new Error(
      'bad configuration: NODE_ENV=production with CHAIN=local, a development chain whose keys sit in DATA_DIR: set CHAIN=rpc (with CHAIN_RPC_URL, CHAIN_ADDRESSES_FILE and REWARD_MINTER_PRIVATE_KEY) or CHAIN=off, or ALLOW_LOCAL_CHAIN=true for a trial',
    );
  }
  const dataDir = resolve(settings.DATA_DIR);
  return {
    ...settings,
    DATA_DIR: dataDir,
    WEB_DIR: resolve(settings.WEB_DIR),
    ADMIN_DIR: resolve(settings.ADMIN_DIR),
    jwtSecret: JWT_SECRET ?? localSecret(dataDir),
    database: settings.DATABASE_URL ? { kind: 'postgres', url: settings.DATABASE_URL } : { kind: 'sqlite', file: join(dataDir, 'guandan.sqlite') },
    stripe: stripeOf(settings),
    sumsub: sumsubOf(settings),
    cluster: settings.REDIS_URL
      ? { redisUrl: settings.REDIS_URL, namespace: settings.REDIS_NAMESPACE, nodeId: settings.NODE_ID ?? `node-${randomBytes(4).toString('hex')}` }
      : null,
  };
}

function stripeOf(settings: Omit<Env, 'JWT_SECRET'>): Config['stripe'] {
  if (settings.PAYMENTS !== 'stripe') return null;
  const { STRIPE_SECRET_KEY: secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret, PUBLIC_URL: publicUrl } = settings;
  if (!secretKey || !webhookSecret || !publicUrl) throw new Error('bad configuration: PAYMENTS=stripe needs STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and PUBLIC_URL');
  return { secretKey, webhookSecret, apiUrl: settings.STRIPE_API_URL, publicUrl: publicUrl.replace(/\/+$/, '') };
}

function sumsubOf(settings: Omit<Env, 'JWT_SECRET'>): Config['sumsub'] {
  if (settings.KYC !== 'sumsub') return null;
  const { SUMSUB_APP_TOKEN: appToken, SUMSUB_SECRET_KEY: secretKey, SUMSUB_WEBHOOK_SECRET: webhookSecret } = settings;
  if (!appToken || !secretKey || !webhookSecret) throw new Error('bad configuration: KYC=sumsub needs SUMSUB_APP_TOKEN, SUMSUB_SECRET_KEY and SUMSUB_WEBHOOK_SECRET');
  return { appToken, secretKey, webhookSecret, apiUrl: settings.SUMSUB_API_URL.replace(/\/+$/, '') };
}

function localSecret(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
