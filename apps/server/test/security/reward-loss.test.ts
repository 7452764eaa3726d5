import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { PlayToken } from '@guandan/contracts';
import { type Reward, type TokenBalance } from '@guandan/protocol';
import BetterSqlite3 from 'better-sqlite3';
import { parseUnits } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { localChainFiles } from '../../src/economy/local-chain-keys.js';
import { playRewardChain } from '../../src/economy/reward-chain.js';
import { type MintedReward, RewardMinter } from '../../src/economy/reward-minter.js';
import { milliToUnits } from '../../src/economy/tokenomics.js';
import { nowIso } from '../../src/platform/db/database.js';
import { freePort, killHard, startChildServer } from '../support/child-server.js';
import { closeAllPlayers, connectedPlayer } from '../support/players.js';
import { startTestServer } from '../support/server.js';
import { newWallet, walletSignIn } from '../support/wallets.js';

const QUIET_LOG = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A reward waiting to be minted, as the rewards consumer writes it when a game ends. */
function pendingRewardRow(userId: string, milli: number) {
  const now = nowIso();
  return { id: crypto.randomUUID(), user_id: userId, game_id: crypto.randomUUID(), day: now.slice(0, 10), amount_milli: milli, status: 'pending', batch_id: null, wallet_address: null, tx_hash: null, created_at: now, updated_at: now };
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, attempts = 300): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Kills the anvil a server started for this data directory (its pid is kept beside the chain's state). */
function killAnvilOf(dataDir: string): void {
  const pid = Number(readFileSync(`${localChainFiles(dataDir).state}.pid`, 'utf8'));
  try {
    process.kill(pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

describe('confirmed rewards survive a crash of the server and its chain', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'guandan-reward-crash-'));
  after(() => {
    closeAllPlayers();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('kill -9 right after REWARD_EARNED: after a restart the chain holds every confirmed reward', async () => {
    const port = String(await freePort());
    const env = { PORT: port, DATA_DIR: dataDir, CHAIN: 'local', REWARD_SWEEP_MS: '200', BALANCE_CACHE_MS: '0', AUTH_RATE_LIMIT_PER_MINUTE: '1000' };
    let server = await startChildServer(env);
    const address = { url: server.url, wsUrl: `ws://127.0.0.1:${port}/v4/realtime` };
    const player = await connectedPlayer(address, 'crashearner');
    const wallet: PrivateKeyAccount = newWallet();
    const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
      const response = await fetch(`${address.url}/v4${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${player.session.jwt}` } });
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as T;
    };
    const { message } = await api<{ message: string }>('/auth/wallet/nonce', { method: 'POST', body: JSON.stringify({ address: wallet.address }) });
    const signed = { message, signature: await wallet.signMessage({ message }) };
    await api('/wallet/connect', { method: 'POST', body: JSON.stringify({ wallet_type: 'metamask', wallet_address: wallet.address, ...signed }) });

    const db = new BetterSqlite3(join(dataDir, 'guandan.sqlite'));
    db.pragma('busy_timeout = 5000');
    const reward = pendingRewardRow(player.userId, 4_500);
    db.prepare(`insert into rewards (${Object.keys(reward).join(', ')}) values (${Object.keys(reward).map(() => '?').join(', ')})`).run(...Object.values(reward));
    db.close();

    await player.realtime.next('REWARD_EARNED', () => true, 20_000);
    // The crash takes the chain down with the server, before anvil's next state save: a power cut, not a clean stop.
    killAnvilOf(dataDir);
    await killHard(server.child);

    server = await startChildServer(env);
    try {
      address.url = server.url;
      const confirmedSum = async () => {
        const rewards = await api<Reward[]>('/token/rewards');
        return rewards.filter((entry) => entry.status === 'confirmed').reduce((sum, entry) => sum + parseUnits(entry.amount, 18), 0n);
      };
      const settled = await until(
        'the chain to hold every confirmed reward',
        async () => ({ balance: parseUnits((await api<TokenBalance>('/token/balance')).PLAY, 18), confirmed: await confirmedSum() }),
        ({ balance, confirmed }) => confirmed > 0n && balance === confirmed,
      );
      assert.equal(settled.balance, milliToUnits(4_500));
    } finally {
      // A server killed hard leaves its anvil running, writing into the data directory the suite removes.
      killAnvilOf(dataDir);
      await killHard(server.child);
    }
  });
});

describe('a reorg that drops a mint', () => {
  it('is put right by reconciliation once, never twice', async () => {
    const t = await startTestServer({ env: { CHAIN: 'local', REWARD_SWEEP_MS: '600000', AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    try {
      const runtime = t.server.platform.chain;
      assert.ok(runtime !== null);
      const anvil = (method: string, params: unknown[] = []) =>
        fetch(runtime.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) }).then(
          async (response) => ((await response.json()) as { result: unknown }).result,
        );
      const wallet = newWallet();
      const session = await walletSignIn(t, wallet);
      const balance = () => runtime.link.reader.readContract({ address: runtime.addresses.PlayToken, abi: PlayToken.abi, functionName: 'balanceOf', args: [wallet.address] });
      const announced: MintedReward[] = [];
      const worker = () =>
        new RewardMinter({
          db: t.server.platform.db,
          chain: playRewardChain(runtime.link, runtime.addresses.PlayToken, BigInt(runtime.addresses.deployBlock)),
          log: QUIET_LOG,
          onMinted: (minted) => announced.push(...minted),
        });
      const minter = worker();

      const beforeMint = await anvil('evm_snapshot');
      const reward = pendingRewardRow(session.user.user_id, 2_750);
      await t.server.platform.db.insertInto('rewards').values({ ...reward, status: 'pending' }).execute();
      await minter.mintPending();
      assert.equal(await balance(), milliToUnits(2_750));
      const row = () => t.server.platform.db.selectFrom('rewards').innerJoin('reward_batches', 'reward_batches.id', 'rewards.batch_id').selectAll('reward_batches').where('rewards.id', '=', reward.id).executeTakeFirstOrThrow();
      assert.equal((await row()).status, 'confirmed');

      // The block with the mint is gone from the chain; the database still says confirmed.
      assert.equal(await anvil('evm_revert', [beforeMint]), true);
      assert.equal(await balance(), 0n);

      // Two workers reconcile at once (a restart racing a sweep): the token refuses the batch id a second time.
      await Promise.all([minter.mintPending(), worker().mintPending()]);
      await minter.mintPending();
      assert.equal(await balance(), milliToUnits(2_750), 'minted again, once');
      const batch = await row();
      assert.equal(batch.status, 'confirmed');
      assert.ok(batch.remints >= 1, 'it was reopened');
      await minter.mintPending();
      assert.equal(await balance(), milliToUnits(2_750), 'a later pass mints nothing more');
      assert.equal(announced.length, 1, 'the reward is announced once, when it was first minted');
    } finally {
      await t.cleanup();
    }
  });
});
