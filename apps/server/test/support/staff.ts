import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AdminUserSchema, type Session, type StaffRole } from '@guandan/protocol';
import { type AccountInput, call, expectOk, newAccount, signUp } from './accounts.js';
import type { TestServer } from './server.js';

const run = promisify(execFile);
const serverRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `npm run admin -- ARGS` against the test server's database (its SQLite file, or DATABASE_URL). */
export async function adminCli(t: TestServer, args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const { config } = t.server.platform;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: t.dataDir, LOG_LEVEL: 'silent' };
  if (config.database.kind === 'postgres') env.DATABASE_URL = config.database.url;
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(serverRoot, 'src', 'admin-cli.ts'), ...args], { env, cwd: serverRoot });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

export interface Staff {
  session: Session;
  account: AccountInput;
}

/** A new account made admin from the command line, signed in. */
export async function firstAdmin(t: TestServer): Promise<Staff> {
  const account = newAccount();
  const session = await signUp(t, account);
  const granted = await adminCli(t, ['grant', account.email, 'admin']);
  assert.equal(granted.code, 0, granted.stderr);
  return { session, account };
}

/** A new account given `role` by the admin through the API, signed in. */
export async function staffMember(t: TestServer, admin: Staff, role: StaffRole): Promise<Staff> {
  const account = newAccount();
  const session = await signUp(t, account);
  expectOk(await call(t, 'PUT', `/admin/users/${session.user.user_id}/role`, { token: admin.session.jwt, body: { role, reason: `make a ${role}` } }), AdminUserSchema);
  return { session, account };
}

export async function loginAs(t: TestServer, account: AccountInput): Promise<Session> {
  const answer = await call(t, 'POST', '/auth/login', { body: { email: account.email, password: account.password } });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body as Session;
}
