import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../src/config.js';

describe('configuration of the chain', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'guandan-config-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs the local chain by default, a configured one when its RPC address is given, and none when told', () => {
    assert.equal(loadConfig({ DATA_DIR: dataDir }).CHAIN, 'local');
    assert.equal(loadConfig({ DATA_DIR: dataDir, CHAIN_RPC_URL: 'https://rpc-amoy.polygon.technology' }).CHAIN, 'rpc');
    assert.equal(loadConfig({ DATA_DIR: dataDir, CHAIN_RPC_URL: 'https://rpc-amoy.polygon.technology', CHAIN: 'off' }).CHAIN, 'off');
  });

  it('refuses a malformed reward key or chain mode', () => {
    assert.throws(() => loadConfig({ DATA_DIR: dataDir, REWARD_MINTER_PRIVATE_KEY: '0x1234' }), /REWARD_MINTER_PRIVATE_KEY/);
    assert.throws(() => loadConfig({ DATA_DIR: dataDir, CHAIN: 'mainnet' }), /CHAIN/);
  });
});
