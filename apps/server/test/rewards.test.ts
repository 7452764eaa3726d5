import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PlayToken } from '@guandan/contracts';
import type { Reward, TokenBalance } from '@guandan/protocol';
import { type Address, formatUnits, type Hash, type Hex } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { playRewardChain, type RewardChain } from '../src/economy/reward-chain.js';
import { type MintedReward, RewardMinter } from '../src/economy/reward-minter.js';
import { milliToUnits } from '../src/economy/tokenomics.js';
import { nowIso } from '../src/platform/db/database.js';
import { findGame, getJson, type Player, playGame, recordGame, redeliver, signUpGuests } from './support/finished-games.js';
import { connectedPlayer } from './support/players.js';
import { startTestServer, type TestServer } from './support/server.js';
import { newWallet, signedNonce } from './support/wallets.js';

const QUIET_LOG = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Fresh keys for the test's people: their wallets hold nothing until rewards arrive. */
const WALLETS = Array.from({ length: 4 }, () => newWallet());

describe('PLAY rewards minted on a local chain', () => {
  let t: TestServer;
  let people: Player[];

  before(async () => {
    // The server's own minter sweeps rarely, so the crash tests below drive minters of their own undisturbed.
    t = await startTestServer({ env: { CHAIN: 'local', REWARD_SWEEP_MS: '600000', AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    people = await signUpGuests(t, 'earner', 4);
  });
  after(() => t.cleanup());

  const chain = () => {
    const runtime = t.server.platform.chain;
    assert.ok(runtime !== null, 'CHAIN=local starts a chain');
    return runtime;
  };
  const playBalance = async (wallet: Address): Promise<bigint> =>
    chain().link.reader.readContract({ address: chain().addresses.PlayToken, abi: PlayToken.abi, functionName: 'balanceOf', args: [wallet] });
  /** Links through the real endpoint: a signed sign-in message, as the app sends it. */
  const linkWallet = async (player: Player, wallet: PrivateKeyAccount): Promise<void> => {
    const signed = await signedNonce(t, wallet);
    const response = await fetch(`${t.url}/v4/wallet/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${player.jwt}` },
      body: JSON.stringify({ wallet_type: 'metamask', wallet_address: wallet.address, ...signed }),
    });
    assert.equal(response.status, 200, await response.text());
  };
  const waitFor = async <T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const value = await read();
      if (done(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  it('mints a finished game’s rewards to linked wallets, keeps the others pending, and pays each game once', async () => {
    const [, loser] = people;
    // The winner is online: the minted reward is announced on their realtime connection.
    const online = await connectedPlayer(t, 'online');
    const winner: Player = { userId: online.userId, username: online.session.user.username, jwt: online.session.jwt };
    people[0] = winner;
    await linkWallet(winner, WALLETS[0]);
    const game = playGame({ seed: 'rewards-1', seats: [winner, loser, 'normal', 'normal'], deals: 2 });
    const before = await playBalance(WALLETS[0].address);
    await recordGame(t, game);
    const rewards = await waitFor(
      'the winner’s reward to be confirmed',
      async () => (await getJson<Reward[]>(t, '/token/rewards', winner)).body,
      (list) => list.length > 0 && list.every((reward) => reward.status === 'confirmed'),
    );
    const minted = rewards.filter((reward) => reward.game_id === game.gameId);
    assert.equal(minted.length, 1);
    assert.match(minted[0]?.tx_hash ?? '', /^0x[0-9a-f]{64}$/);
    const announced = await waitFor(
      'REWARD_EARNED',
      async () => online.received.filter((message) => message.type === 'REWARD_EARNED'),
      (messages) => messages.length > 0,
    );
    assert.deepEqual(
      announced.map((message) => message.payload),
      [{ gameId: game.gameId, amount: minted[0]?.amount, token: 'PLAY', txHash: minted[0]?.tx_hash }],
    );
    const balance = (await getJson<TokenBalance>(t, '/token/balance', winner)).body;
    assert.equal(balance.wallet_address, WALLETS[0].address);
    const earned = milliToUnits(Math.round(Number(minted[0]?.amount) * 1000));
    assert.ok(earned > 0n);
    assert.equal(balance.PLAY, formatUnits(before + earned, 18));
    assert.equal(balance.pending_PLAY, '0');

    // The loser's team may have won deals: whatever it earned waits for a wallet.
    const loserRewards = (await getJson<Reward[]>(t, '/token/rewards', loser)).body;
    for (const reward of loserRewards) assert.equal(reward.status, 'pending');

    await redeliver(t, game);
    assert.equal((await getJson<Reward[]>(t, '/token/rewards', winner)).body.filter((reward) => reward.game_id === game.gameId).length, 1);
    assert.equal(await playBalance(WALLETS[0].address), before + earned, 'a redelivered game pays nothing more');
  });

  it('a reward waiting for a wallet is minted once the wallet is linked', async () => {
    const [, , late, partner] = people;
    // Seats 0 and 2 against bots: a game in which their team won a deal, so it pays them something.
    const game = findGame('rewards-2', { seats: [late, 'normal', partner, 'normal'], deals: 2 }, (played) => played.deals.some((d) => d.team === 0));
    await recordGame(t, game);
    const pending = (await getJson<TokenBalance>(t, '/token/balance', late)).body;
    assert.equal(pending.wallet_address, null);
    const waiting = (await getJson<Reward[]>(t, '/token/rewards', late)).body.find((reward) => reward.game_id === game.gameId);
    assert.ok(waiting !== undefined, 'a team that won a deal earns');
    assert.equal(pending.pending_PLAY, waiting.amount);
    const before = await playBalance(WALLETS[2].address);
    // Linking wakes the server's minter (the sweep is ten minutes here): no other nudge is given.
    await linkWallet(late, WALLETS[2]);
    await waitFor(
      'the waiting reward to be confirmed',
      async () => (await getJson<Reward[]>(t, '/token/rewards', late)).body.find((reward) => reward.game_id === game.gameId)?.status,
      (status) => status === 'confirmed',
    );
    assert.equal(await playBalance(WALLETS[2].address), before + BigInt(Math.round(Number(waiting.amount) * 1000)) * 10n ** 15n);
    assert.equal((await getJson<TokenBalance>(t, '/token/balance', late)).body.pending_PLAY, '0');
  });

  const serverChain = (): RewardChain => playRewardChain(chain().link, chain().addresses.PlayToken, BigInt(chain().addresses.deployBlock));

  async function pendingReward(player: Player, milli: number): Promise<string> {
    const id = crypto.randomUUID();
    const now = nowIso();
    await t.server.platform.db
      .insertInto('rewards')
      .values({ id, user_id: player.userId, game_id: crypto.randomUUID(), day: now.slice(0, 10), amount_milli: milli, status: 'pending', batch_id: null, wallet_address: null, tx_hash: null, created_at: now, updated_at: now })
      .execute();
    return id;
  }

  it('a worker killed after sending a batch and before recording it pays the batch once after a restart', async () => {
    const [player] = people;
    const id = await pendingReward(player, 7_250);
    const before = await playBalance(WALLETS[0].address);
    let sent: Hash | null = null;
    const dying = new RewardMinter({
      db: t.server.platform.db,
      chain: serverChain(),
      log: QUIET_LOG,
      onMinted: () => assert.fail('a worker that died cannot announce'),
      afterSend: (_batch: Hex, hash: Hash) => {
        sent = hash;
        throw new Error('killed');
      },
    });
    await dying.kick();
    assert.notEqual(sent, null, 'the batch was sent');
    const row = await t.server.platform.db.selectFrom('rewards').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'minting');
    const batch = await t.server.platform.db.selectFrom('reward_batches').selectAll().where('id', '=', row.batch_id ?? '').executeTakeFirstOrThrow();
    assert.equal(batch.status, 'open');
    assert.equal(batch.tx_hash, null, 'the hash was never recorded');

    const announced: MintedReward[] = [];
    const restarted = new RewardMinter({ db: t.server.platform.db, chain: serverChain(), log: QUIET_LOG, onMinted: (minted) => announced.push(...minted) });
    await restarted.mintPending();
    await restarted.mintPending();
    assert.equal(await playBalance(WALLETS[0].address), before + milliToUnits(7_250), 'paid exactly once');
    const settled = await t.server.platform.db.selectFrom('rewards').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(settled.status, 'confirmed');
    assert.equal(settled.tx_hash, sent, 'the hash is recovered from the chain');
    assert.deepEqual(announced.map((reward) => [reward.userId, reward.amountMilli, reward.txHash]), [[player.userId, 7_250, sent]]);
  });

  it('a batch whose sending failed is sent again, and paid once', async () => {
    const [player] = people;
    const id = await pendingReward(player, 1_500);
    const before = await playBalance(WALLETS[0].address);
    const real = serverChain();
    let failures = 1;
    const flaky: RewardChain = {
      ...real,
      sendBatch: async (...args) => {
        if (failures-- > 0) throw new Error('connection reset');
        return real.sendBatch(...args);
      },
    };
    const minter = new RewardMinter({ db: t.server.platform.db, chain: flaky, log: QUIET_LOG, onMinted: () => undefined });
    await minter.mintPending();
    assert.equal((await t.server.platform.db.selectFrom('rewards').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'minting');
    assert.equal(await playBalance(WALLETS[0].address), before);
    await minter.mintPending();
    assert.equal((await t.server.platform.db.selectFrom('rewards').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'confirmed');
    assert.equal(await playBalance(WALLETS[0].address), before + milliToUnits(1_500));
  });
});
