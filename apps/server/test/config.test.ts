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

describe('configuration of a cluster node', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'guandan-config-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const secret = 'a'.repeat(40);

  it('is one process without REDIS_URL, a node of a cluster with it', () => {
    assert.equal(loadConfig({ DATA_DIR: dataDir }).cluster, null);
    const node = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://db/guandan', REDIS_URL: 'redis://cache:6379', JWT_SECRET: secret, NODE_ID: 'node-7' });
    assert.deepEqual(node.cluster, { redisUrl: 'redis://cache:6379', namespace: 'gd', nodeId: 'node-7' });
    const unnamed = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://db/guandan', REDIS_URL: 'redis://cache:6379', JWT_SECRET: secret });
    assert.match(unnamed.cluster?.nodeId ?? '', /^node-[0-9a-f]{8}$/, 'a random node id when none is given');
  });

  it('refuses a cluster node without a shared database or a shared token secret', () => {
    assert.throws(() => loadConfig({ DATA_DIR: dataDir, REDIS_URL: 'redis://cache:6379', JWT_SECRET: secret }), /DATABASE_URL/);
    assert.throws(() => loadConfig({ DATA_DIR: dataDir, REDIS_URL: 'redis://cache:6379', DATABASE_URL: 'postgres://db/guandan' }), /JWT_SECRET/);
    assert.throws(() => loadConfig({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://db/guandan', REDIS_URL: 'redis://cache:6379', JWT_SECRET: secret, TABLE_LEASE_MS: '10' }), /TABLE_LEASE_MS/);
  });
});
