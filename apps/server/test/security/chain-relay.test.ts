import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deployContracts, LOCAL_DEPLOY, linkChain, mnemonicAccount, PlayToken, startLocalChain } from '@guandan/contracts';
import { type Address, encodeFunctionData, type Hex, parseEther, parseGwei } from 'viem';
import type { LocalAccount } from 'viem/accounts';
import { loadConfig } from '../../src/config.js';
import { localChainFiles, localChainMnemonic } from '../../src/economy/local-chain-keys.js';
import { type Answer, call, expectError, expectOk } from '../support/accounts.js';
import { freePort, startChildServer } from '../support/child-server.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { z } from 'zod';
import { newWallet, walletSignIn } from '../support/wallets.js';

/** anvil's built-in mnemonic: published, so its account #1 (the old reward key) is anyone's. */
const PUBLIC_MNEMONIC = 'test test test test test test test test test test test junk';
const publicKey = (index: number): LocalAccount => mnemonicAccount(PUBLIC_MNEMONIC, index);
const MILLION_PLAY = 10n ** 24n;
const RELAY_LIMIT = 8;
const QUIET = { warn: () => undefined };

describe('the local chain relay mints nothing for an attacker', () => {
  let t: TestServer;
  const player = newWallet();
  let jwt: string;
  let nonce = 0;

  before(async () => {
    t = await startTestServer({ env: { CHAIN: 'local', AUTH_RATE_LIMIT_PER_MINUTE: '1000', RELAY_TX_PER_MINUTE: String(RELAY_LIMIT) } });
    jwt = (await walletSignIn(t, player)).jwt;
    expectOk(await call(t, 'POST', '/chain/faucet', { token: jwt, body: {} }), z.object({ tx_hashes: z.array(z.string()) }));
  });
  after(() => t.cleanup());

  const runtime = () => {
    const chain = t.server.platform.chain;
    assert.ok(chain !== null);
    return chain;
  };
  const remainingMintable = () => runtime().link.reader.readContract({ address: runtime().addresses.PlayToken, abi: PlayToken.abi, functionName: 'remainingMintable' });
  const relay = (token: string, method: string, params: unknown[]): Promise<Answer> => call(t, 'POST', '/chain/rpc', { token, body: { jsonrpc: '2.0', id: 1, method, params } });
  /** A transaction signed offline with fixed gas, so nothing is estimated (an estimate of a doomed call would fail first). */
  const signed = (account: LocalAccount, to: Address | undefined, data: Hex, accountNonce: number) =>
    account.signTransaction({ chainId: 31337, type: 'eip1559', to, data, nonce: accountNonce, gas: 300_000n, maxFeePerGas: parseGwei('20'), maxPriorityFeePerGas: 1n });
  const mintToSelf = encodeFunctionData({ abi: PlayToken.abi, functionName: 'mintGameReward', args: [player.address, MILLION_PLAY, `0x${'ab'.repeat(32)}`] });

  it('refuses a mint signed with the old public reward key', async () => {
    const before = await remainingMintable();
    expectError(await relay(jwt, 'eth_sendRawTransaction', [await signed(publicKey(1), runtime().addresses.PlayToken, mintToSelf, 0)]), 403, 'RELAY_SENDER_REFUSED');
    assert.equal(await remainingMintable(), before);
  });

  it('keys of its own: the public keys hold no role, and the reward key is not a public one', async () => {
    const minter = runtime().link.wallet.account.address;
    assert.ok(![0, 1, 2].map((index) => publicKey(index).address).includes(minter));
    const mode = statSync(localChainFiles(t.dataDir).mnemonic).mode & 0o777;
    assert.equal(mode, 0o600, 'the mnemonic file is readable by its owner only');
    const other = mkdtempSync(join(tmpdir(), 'guandan-keys-'));
    try {
      assert.notEqual(localChainMnemonic(localChainFiles(other), QUIET), readFileSync(localChainFiles(t.dataDir).mnemonic, 'utf8').trim(), 'each data directory has its own');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('relays a mint the player signed itself, which the token refuses: nothing minted', async () => {
    const before = await remainingMintable();
    const answer = await relay(jwt, 'eth_sendRawTransaction', [await signed(player, runtime().addresses.PlayToken, mintToSelf, nonce++)]);
    const hash = (answer.body as { result?: Hex }).result;
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.ok(hash !== undefined);
    const receipt = await runtime().link.reader.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    assert.equal(receipt.status, 'reverted', 'only MINTER_ROLE mints');
    assert.equal(await remainingMintable(), before);
  });

  it('refuses a transaction from any key but the caller’s linked wallet', async () => {
    const stranger = newWallet();
    const raw = await signed(stranger, runtime().addresses.PlayToken, mintToSelf, 0);
    expectError(await relay(jwt, 'eth_sendRawTransaction', [raw]), 403, 'RELAY_SENDER_REFUSED');
    // Another player's own transaction, replayed by someone else, is refused too.
    const other = (await walletSignIn(t, newWallet())).jwt;
    expectError(await relay(other, 'eth_sendRawTransaction', [await signed(player, runtime().addresses.PlayToken, mintToSelf, nonce)]), 403, 'RELAY_SENDER_REFUSED');
  });

  it('refuses a transfer to an address that is not a platform contract, and a contract creation', async () => {
    const transfer = await player.signTransaction({ chainId: 31337, type: 'eip1559', to: newWallet().address, value: parseEther('0.5'), nonce, gas: 21_000n, maxFeePerGas: parseGwei('20'), maxPriorityFeePerGas: 1n });
    expectError(await relay(jwt, 'eth_sendRawTransaction', [transfer]), 403, 'RELAY_TARGET_REFUSED');
    expectError(await relay(jwt, 'eth_sendRawTransaction', [await signed(player, undefined, '0x6080604052', nonce)]), 403, 'RELAY_TARGET_REFUSED');
    expectError(await relay(jwt, 'eth_sendRawTransaction', ['0x02deadbeef']), 400, 'BAD_REQUEST');
    expectError(await relay(jwt, 'eth_sendRawTransaction', [42]), 400, 'BAD_REQUEST');
  });

  it('refuses a request id the chain could not echo (found by the fuzz: it answered 500)', async () => {
    for (const id of [0.5, 5e-324, 1e300, 'x'.repeat(101)]) {
      expectError(await call(t, 'POST', '/chain/rpc', { token: jwt, body: { jsonrpc: '2.0', id, method: 'eth_chainId', params: [] } }), 400, 'BAD_REQUEST');
    }
    for (const id of [7, -1, 'a']) {
      const answer = await call(t, 'POST', '/chain/rpc', { token: jwt, body: { jsonrpc: '2.0', id, method: 'eth_chainId', params: [] } });
      assert.equal(answer.status, 200);
      assert.deepEqual((answer.body as { id: unknown }).id, id);
    }
  });

  it('limits relayed transactions per account, across its sessions, not per client address', async () => {
    const spammer = newWallet();
    const sessions = [(await walletSignIn(t, spammer)).jwt, (await walletSignIn(t, spammer)).jwt];
    const raw = await signed(spammer, newWallet().address, '0x', 0);
    for (let sent = 0; sent < RELAY_LIMIT; sent++) expectError(await relay(sessions[sent % 2] ?? '', 'eth_sendRawTransaction', [raw]), 403, 'RELAY_TARGET_REFUSED');
    for (const session of sessions) expectError(await relay(session, 'eth_sendRawTransaction', [raw]), 429, 'RATE_LIMITED');
    // Reads are not counted, and another account from the same address still sends.
    assert.equal((await relay(sessions[0] ?? '', 'eth_chainId', [])).status, 200);
    expectError(await relay(jwt, 'eth_sendRawTransaction', [raw]), 403, 'RELAY_SENDER_REFUSED');
  });
});

describe('a data directory whose chain was deployed with the public keys', () => {
  it('is started again on a fresh chain with keys of its own', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'guandan-public-'));
    const files = localChainFiles(dataDir);
    try {
      // What an older version left: anvil's state and the addresses, deployed by the public development keys.
      mkdirSync(files.dir, { recursive: true });
      const old = await startLocalChain({ stateFile: files.state, mnemonic: PUBLIC_MNEMONIC });
      const oldAddresses = await deployContracts(linkChain(old.rpcUrl, old.chainId, publicKey(0)), { ...LOCAL_DEPLOY, rewardMinter: publicKey(1).address });
      await old.stop();
      writeFileSync(files.addresses, JSON.stringify(oldAddresses));

      // ... and an index of that chain, its cursor far past where a fresh chain's head will be.
      const indexed = await startTestServer({ env: { CHAIN: 'off' }, dataDir });
      const at = new Date().toISOString();
      await indexed.server.platform.db.insertInto('chain_events').values({ block_number: 9_000, log_index: 0, tx_hash: `0x${'11'.repeat(32)}`, contract: 'PlayToken', event: 'Transfer', args: '{}', created_at: at }).execute();
      await indexed.server.platform.db.insertInto('chain_cursors').values({ name: 'chain-indexer', next_block: 10_000, updated_at: at }).execute();
      await indexed.close();

      const t = await startTestServer({ env: { CHAIN: 'local' }, dataDir });
      try {
        const chain = t.server.platform.chain;
        assert.ok(chain !== null);
        const head = Number(await chain.link.reader.getBlockNumber());
        const cursor = () => t.server.platform.db.selectFrom('chain_cursors').select('next_block').executeTakeFirst();
        for (let attempt = 0; attempt < 100 && (await cursor())?.next_block !== head + 1; attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
        assert.equal((await cursor())?.next_block, head + 1, 'the index starts over with the new chain');
        assert.equal((await t.server.platform.db.selectFrom('chain_events').select('tx_hash').where('block_number', '=', 9_000).execute()).length, 0);
        assert.notEqual(chain.link.wallet.account.address, publicKey(1).address);
        const hasRole = await chain.link.reader.readContract({
          address: chain.addresses.PlayToken,
          abi: PlayToken.abi,
          functionName: 'hasRole',
          args: [await chain.link.reader.readContract({ address: chain.addresses.PlayToken, abi: PlayToken.abi, functionName: 'MINTER_ROLE' }), publicKey(1).address],
        });
        assert.equal(hasRole, false, 'the public reward key mints nothing on the platform’s token');
        const balance = await chain.link.reader.getBalance({ address: publicKey(1).address });
        assert.equal(balance, 0n, 'a fresh chain: the public accounts hold nothing');
      } finally {
        await t.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('production refuses the local chain', () => {
  it('fails to start with NODE_ENV=production and CHAIN=local, unless explicitly allowed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'guandan-prod-'));
    try {
      const base = { DATA_DIR: dataDir, NODE_ENV: 'production' };
      assert.throws(() => loadConfig({ ...base, CHAIN: 'local' }), /CHAIN=local/);
      assert.throws(() => loadConfig(base), /CHAIN=local/, 'the default chain is the local one');
      assert.equal(loadConfig({ ...base, CHAIN: 'local', ALLOW_LOCAL_CHAIN: 'true' }).CHAIN, 'local');
      assert.equal(loadConfig({ ...base, CHAIN: 'off' }).CHAIN, 'off');
      await assert.rejects(startChildServer({ PORT: String(await freePort()), DATA_DIR: dataDir, NODE_ENV: 'production', CHAIN: 'local' }), /NODE_ENV=production with CHAIN=local/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
