import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RestClient } from '@guandan/sdk';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import WebSocket from 'ws';
import { skipWithoutPostgres, startTestServer, type StoreKind, type TestServer } from '../support/server.js';
import { MANY_GUESTS } from '../support/table-play.js';

/** The status of a WebSocket upgrade with this token: 101 when it opens, else the HTTP status it was refused with. */
function upgradeStatus(wsUrl: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${wsUrl}?token=${encodeURIComponent(token)}`);
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', reject);
  });
}

/** Deletes a user row as an operator would by hand, leaving their other rows (foreign keys off for this connection). */
async function deleteUserRow(t: TestServer, store: StoreKind, userId: string): Promise<void> {
  if (store === 'sqlite') {
    const db = new BetterSqlite3(join(t.dataDir, 'guandan.sqlite'));
    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM users WHERE id = ?').run(userId);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: t.server.platform.config.database.kind === 'postgres' ? t.server.platform.config.database.url : '' });
  await client.connect();
  try {
    await client.query("SET session_replication_role = 'replica'");
    await client.query('DELETE FROM users WHERE id = $1', [userId]);
  } finally {
    await client.end();
  }
}

for (const store of ['sqlite', 'postgres'] as const) {
  describe(`a valid token of a deleted account (${store})`, { skip: store === 'postgres' ? await skipWithoutPostgres() : false }, () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer({ store, env: MANY_GUESTS });
    });
    after(async () => t.cleanup());

    test('opens neither a WebSocket nor a signed-in REST route once the account is gone', async () => {
      const kept = new RestClient({ baseUrl: t.url });
      await kept.guest('kept');
      const gone = new RestClient({ baseUrl: t.url });
      const session = await gone.guest('gone');
      const token = gone.accessToken as string;
      assert.equal(await upgradeStatus(t.wsUrl, token), 101, 'the token works while the account exists');
      assert.equal((await gone.me()).user_id, session.user.user_id);

      await deleteUserRow(t, store, session.user.user_id);

      assert.equal(await upgradeStatus(t.wsUrl, token), 401, 'the upgrade is refused');
      const response = await fetch(`${t.url}/v4/users/me`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.status, 401);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'INVALID_TOKEN');
      assert.equal(await upgradeStatus(t.wsUrl, kept.accessToken as string), 101, 'other accounts are unaffected');
    });
  });
}
