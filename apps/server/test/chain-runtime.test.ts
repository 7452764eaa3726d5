import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { newLocalMnemonic } from '@guandan/contracts';
import { loadConfig } from '../src/config.js';
import { openChain } from '../src/economy/chain-runtime.js';
import { localChainFiles } from '../src/economy/local-chain-keys.js';

const QUIET = { info: () => undefined, warn: () => undefined };

describe('the local chain runtime', () => {
  it('stops the chain it started when the rest of the start fails, so nothing is left running', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'guandan-chain-fail-'));
    try {
      const files = localChainFiles(dataDir);
      mkdirSync(files.dir, { recursive: true });
      writeFileSync(files.mnemonic, `${newLocalMnemonic()}\n`, { mode: 0o600 });
      // Kept addresses that cannot be read: the start fails after anvil is up.
      writeFileSync(files.addresses, '{ not json');
      await assert.rejects(openChain(loadConfig({ DATA_DIR: dataDir, CHAIN: 'local' }), QUIET), SyntaxError);
      const pidFile = `${files.state}.pid`;
      const leftPid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : null;
      assert.equal(leftPid === null ? false : existsSync(`/proc/${leftPid}`), false, 'no anvil is left running');
      assert.equal(existsSync(pidFile), false, 'the chain was stopped, not just abandoned');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
