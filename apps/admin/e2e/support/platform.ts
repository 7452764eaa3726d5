import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StaffRole } from '@guandan/protocol';
import { type ChildServer, grantStaffRole, SERVER_MAIN, startChildServer } from '@guandan/server/child-server';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The console's build (`npm run build -w apps/admin`; `npm run test:e2e` makes it first). */
export const ADMIN_DIR = join(HERE, '..', '..', 'dist');
/** The player app's web build, served at `/` (`npm run build:web -w apps/app`). */
export const APP_WEB_DIR = join(HERE, '..', '..', '..', 'app', 'dist');

/**
 * The real platform on a free port with a fresh SQLite database (PostgreSQL when DATABASE_URL is set), serving the
 * console at /admin and the player app at /. Many sign-ins from one address are allowed. `env` adds settings (the
 * payments tests switch Stripe on against a local one).
 */
export async function startPlatform(env: Record<string, string> = {}): Promise<ChildServer> {
  for (const [what, path, how] of [
    ['the server build', SERVER_MAIN, 'npm run build'],
    ['the console build', join(ADMIN_DIR, 'index.html'), 'npm run build -w apps/admin'],
  ] as const) {
    if (!existsSync(path)) throw new Error(`${what} is missing (${path}): ${how}`);
  }
  return startChildServer({
    env: { ADMIN_DIR, WEB_DIR: APP_WEB_DIR, LOG_LEVEL: 'warn', BOT_DELAY_MS: '100', AUTH_RATE_LIMIT_PER_MINUTE: '100000', ...env },
  });
}

export interface Account {
  userId: string;
  email: string;
  username: string;
  password: string;
}

let counter = 0;

/** A new account made through the API, unique per run; `role` is granted with the command line, as an owner would. */
export async function newAccount(server: ChildServer, prefix: string, role: StaffRole = 'player'): Promise<Account> {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  const account = { email: `${prefix}-${tag}@example.test`, username: `${prefix}${tag}`.slice(0, 20), password: 'correct horse battery', birth_date: '1990-04-01' };
  const response = await fetch(`${server.url}/v4/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (!response.ok) throw new Error(`register ${account.email}: ${response.status} ${await response.text()}`);
  const { user } = (await response.json()) as { user: { user_id: string } };
  if (role !== 'player') await grantStaffRole(server, account.email, role);
  return { ...account, userId: user.user_id };
}

/** What `POST /v4/auth/login` answers for an account: the status and, for a refusal, the error code. */
export async function loginOutcome(server: ChildServer, account: Account): Promise<{ status: number; code: string | null }> {
  const response = await fetch(`${server.url}/v4/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
  return { status: response.status, code: body?.error?.code ?? null };
}

/** A staff account's access token from `POST /v4/auth/login`, for reading the admin API beside the browser. */
export async function accessToken(server: ChildServer, account: Account): Promise<string> {
  const response = await fetch(`${server.url}/v4/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (!response.ok) throw new Error(`login ${account.email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { jwt: string }).jwt;
}
