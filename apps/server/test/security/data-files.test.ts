import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { signUp } from '../support/accounts.js';
import { startTestServer } from '../support/server.js';

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

describe('DATA_DIR is for the server user only', () => {
  test('the data directory is 0700; the SQLite file, its -wal and -shm and the JWT secret are 0600', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'guandan-data-'));
    const dataDir = join(parent, 'data');
    const t = await startTestServer({ dataDir });
    try {
      await signUp(t); // a write, so the WAL and shared-memory files exist
      assert.equal(mode(dataDir), '700');
      const files = readdirSync(dataDir).filter((name) => name.startsWith('guandan.sqlite') || name === 'jwt-secret');
      assert.deepEqual(files.sort(), ['guandan.sqlite', 'guandan.sqlite-shm', 'guandan.sqlite-wal', 'jwt-secret']);
      for (const name of files) assert.equal(mode(join(dataDir, name)), '600', name);
    } finally {
      await t.cleanup();
      rmSync(parent, { recursive: true, force: true });
    }
  });

  test('files an older version left readable by everyone are narrowed at start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'guandan-data-'));
    const first = await startTestServer({ dataDir });
    await first.close();
    chmodSync(dataDir, 0o755);
    for (const name of readdirSync(dataDir)) if (name.startsWith('guandan.sqlite')) chmodSync(join(dataDir, name), 0o644);
    const second = await startTestServer({ dataDir });
    try {
      assert.equal(mode(dataDir), '700');
      for (const name of readdirSync(dataDir).filter((file) => file.startsWith('guandan.sqlite'))) assert.equal(mode(join(dataDir, name)), '600', name);
    } finally {
      await second.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
