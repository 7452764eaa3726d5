import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SessionSchema, type Session } from '@guandan/protocol';
import type { z } from 'zod';
import type { TestServer } from './server.js';

/** What an API call answered: the status and the parsed JSON body (undefined when there is none). */
export interface Answer {
  status: number;
  body: unknown;
}

/** Calls the REST API under /v4, as JSON, signed in when `token` is given. */
export async function call(t: TestServer, method: string, path: string, options: { body?: unknown; token?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${t.url}/v4${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** Asserts the status and that the body has the documented shape; the parsed body. */
export function expectOk<T>(answer: Answer, schema: z.ZodType<T>, status = 200): T {
  assert.equal(answer.status, status, `expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return schema.parse(answer.body);
}

/** Asserts an error answer: its status and its stable code. */
export function expectError(answer: Answer, status: number, code: string): void {
  assert.equal(answer.status, status, `expected ${status} ${code}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  assert.equal((answer.body as { error?: { code?: unknown } }).error?.code, code);
}

export interface AccountInput {
  email: string;
  password: string;
  username: string;
  birth_date: string;
}

/** Registration details no other test uses. */
export function newAccount(): AccountInput {
  const tag = randomBytes(5).toString('hex');
  return { email: `player-${tag}@example.com`, password: `secret-${tag}`, username: `player_${tag}`, birth_date: '1990-04-01' };
}

/** Registers a new account and signs it in. */
export async function signUp(t: TestServer, account: AccountInput = newAccount()): Promise<Session> {
  assert.equal((await call(t, 'POST', '/auth/register', { body: account })).status, 200);
  return expectOk(await call(t, 'POST', '/auth/login', { body: { email: account.email, password: account.password } }), SessionSchema);
}
