import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { GameItems, GuandanGovernor, GuanToken, linkChain, mnemonicAccount, PlayToken } from '@guandan/contracts';
import {
  ChainInfoSchema,
  EconomyOverviewSchema,
  ItemSchema,
  ListingSchema,
  type PreparedTransactions,
  PreparedTransactionsSchema,
  ProposalSchema,
  SessionSchema,
  StakingInfoSchema,
  SwapPreparedSchema,
  TokenBalanceSchema,
} from '@guandan/protocol';
import { createWalletClient, defineChain, encodeFunctionData, formatUnits, type Hex, http, parseUnits } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { z } from 'zod';
import { localChainFiles } from '../src/economy/local-chain-keys.js';
import { call, expectError, expectOk } from './support/accounts.js';
import { startTestServer, type TestServer } from './support/server.js';
import { firstAdmin, staffMember } from './support/staff.js';
import { newWallet, walletSignIn } from './support/wallets.js';

describe('the chain through the API: faucet, relay, swap, staking, DAO and the indexer', () => {
  let dataDir: string;
  let t: TestServer;
  const wallet = newWallet();
  let jwt: string;

  const env = { CHAIN: 'local', AUTH_RATE_LIMIT_PER_MINUTE: '1000' };
  before(async () => {
    t = await startTestServer({ env });
    dataDir = t.dataDir;
    jwt = (await walletSignIn(t, wallet)).jwt;
  });
  after(() => t.cleanup());

  const chainInfo = async () => expectOk(await call(t, 'GET', '/chain'), ChainInfoSchema);
  const balance = async () => expectOk(await call(t, 'GET', '/token/balance', { token: jwt }), TokenBalanceSchema);

  /** Signs each prepared transaction with the player's key and sends it through the server's relay, in order. */
  async function signAndSend(account: PrivateKeyAccount, plan: PreparedTransactions, bearer = jwt): Promise<void> {
    const chain = defineChain({ id: plan.chain_id, name: 'local', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [`${t.url}/v4/chain/rpc`] } } });
    const client = createWalletClient({ account, chain, transport: http(undefined, { fetchOptions: { headers: { authorization: `Bearer ${bearer}` } } }), pollingInterval: 50 });
    for (const step of plan.transactions) {
      const hash = await client.sendTransaction({ to: step.to as Hex, data: step.data as Hex, value: BigInt(step.value) });
      const receipt = await waitForReceipt(hash);
      assert.equal(receipt, '0x1', `${step.description} reverted`);
    }
  }
  async function waitForReceipt(hash: Hex): Promise<string> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const answer = await call(t, 'POST', '/chain/rpc', { token: jwt, body: { jsonrpc: '2.0', id: 1, method: 'eth_getTransactionReceipt', params: [hash] } });
      const receipt = (answer.body as { result: { status: string } | null }).result;
      if (receipt !== null) return receipt.status;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no receipt for ${hash}`);
  }
  async function playOf(address: Hex): Promise<bigint> {
    const runtime = t.server.platform.chain;
    assert.ok(runtime !== null);
    return runtime.link.reader.readContract({ address: runtime.addresses.PlayToken, abi: PlayToken.abi, functionName: 'balanceOf', args: [address] });
  }
  async function indexed(event: string): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const rows = await t.server.platform.db.selectFrom('chain_events').select('tx_hash').where('event', '=', event).execute();
    return rows.length;
  }
  async function waitIndexed(event: string, count: number): Promise<void> {
    for (let attempt = 0; attempt < 100 && (await indexed(event)) < count; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok((await indexed(event)) >= count, `${event} indexed`);
  }

  it('tells where the contracts are, and refuses chain requests from an account with no wallet', async () => {
    const info = await chainInfo();
    assert.equal(info.chain_id, 31337);
    assert.equal(info.local, true);
    assert.match(info.contracts.PlayToken, /^0x[0-9a-fA-F]{40}$/);
    const guest = expectOk(await call(t, 'POST', '/auth/guest', { body: { username: 'nowallet' } }), SessionSchema);
    expectError(await call(t, 'POST', '/token/stake', { token: guest.jwt, body: { amount: '1' } }), 409, 'WALLET_REQUIRED');
    expectError(await call(t, 'POST', '/chain/faucet', { token: guest.jwt, body: {} }), 409, 'WALLET_REQUIRED');
  });

  it('the faucet funds the wallet, and the relay only passes what a wallet needs', async () => {
    const faucet = expectOk(await call(t, 'POST', '/chain/faucet', { token: jwt, body: {} }), z.object({ tx_hashes: z.array(z.string()) }));
    assert.equal(faucet.tx_hashes.length, 2);
    const after = await balance();
    assert.equal(after.USDC, '1000');
    assert.equal(after.PLAY, '0');
    expectError(await call(t, 'POST', '/chain/rpc', { token: jwt, body: { jsonrpc: '2.0', id: 1, method: 'anvil_setBalance', params: [wallet.address, '0x1'] } }), 400, 'BAD_REQUEST');
    expectError(await call(t, 'POST', '/chain/rpc', { body: { jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] } }), 401, 'UNAUTHORIZED');
  });

  it('swaps USDC for PLAY at the quoted price, within the minimum out', async () => {
    expectError(await call(t, 'POST', '/token/swap', { token: jwt, body: { from_token: 'USDC', to_token: 'USDC', amount: '1' } }), 400, 'BAD_REQUEST');
    expectError(await call(t, 'POST', '/token/swap', { token: jwt, body: { from_token: 'USDC', to_token: 'PLAY', amount: '-3' } }), 400, 'BAD_REQUEST');
    const plan = expectOk(await call(t, 'POST', '/token/swap', { token: jwt, body: { from_token: 'USDC', to_token: 'PLAY', amount: '100' } }), SwapPreparedSchema);
    assert.equal(plan.transactions.length, 2, 'an approval, then the swap');
    assert.ok(Number(plan.min_out) <= Number(plan.expected_out) && Number(plan.min_out) > 0);
    const cached = await balance();
    assert.equal(cached.USDC, '1000');
    await signAndSend(wallet, plan);
    // Balances are cached, but a transaction relayed for the wallet drops its cache at once.
    const after = await balance();
    assert.equal(after.USDC, '900');
    assert.equal(after.PLAY, plan.expected_out, 'nobody traded in between, so the quote held');
    await waitIndexed('Swapped', 1);
  });

  it('stakes PLAY and earns while staked', async () => {
    const plan = expectOk(await call(t, 'POST', '/token/stake', { token: jwt, body: { amount: '500' } }), PreparedTransactionsSchema);
    await signAndSend(wallet, plan);
    const chainRpc = t.server.platform.chain?.rpcUrl ?? '';
    await fetch(chainRpc, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'evm_increaseTime', params: [100] }) });
    await fetch(chainRpc, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'evm_mine', params: [] }) });
    const info = expectOk(await call(t, 'GET', '/token/staking', { token: jwt }), StakingInfoSchema);
    assert.equal(info.staked, '500');
    assert.ok(Number(info.earned) > 0, 'rewards accrue per second');
    await waitIndexed('Staked', 1);
  });

  it('lists a proposal from the indexer and takes a vote prepared by the server', async () => {
    const runtime = t.server.platform.chain;
    assert.ok(runtime !== null);
    // The data directory's deployer holds the GUAN supply on the local chain.
    const holder = linkChain(runtime.rpcUrl, 31337, mnemonicAccount(readFileSync(localChainFiles(dataDir).mnemonic, 'utf8').trim(), 0));
    const guan = { address: runtime.addresses.GuanToken, abi: GuanToken.abi } as const;
    const give = await holder.wallet.writeContract({ ...guan, functionName: 'transfer', args: [wallet.address, parseUnits('5000000', 18)] });
    await holder.reader.waitForTransactionReceipt({ hash: give, pollingInterval: 50 });
    await signAndSend(wallet, expectOk(await call(t, 'POST', '/dao/delegate', { token: jwt, body: {} }), PreparedTransactionsSchema));
    const delegate = await holder.wallet.writeContract({ ...guan, functionName: 'delegate', args: [holder.wallet.account.address] });
    await holder.reader.waitForTransactionReceipt({ hash: delegate, pollingInterval: 50 });
    const transfer = encodeFunctionData({ abi: GuanToken.abi, functionName: 'transfer', args: [wallet.address, 1n] });
    const propose = await holder.wallet.writeContract({
      address: runtime.addresses.GuandanGovernor,
      abi: GuandanGovernor.abi,
      functionName: 'propose',
      args: [[runtime.addresses.GuanToken], [0n], [transfer], 'Fund the spring tournament'],
    });
    await holder.reader.waitForTransactionReceipt({ hash: propose, pollingInterval: 50 });
    await waitIndexed('ProposalCreated', 1);
    await fetch(runtime.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'anvil_mine', params: ['0x2'] }) });
    let [proposal] = expectOk(await call(t, 'GET', '/dao/proposals'), z.array(ProposalSchema));
    assert.equal(proposal?.description, 'Fund the spring tournament');
    assert.equal(proposal?.state, 'Active');
    expectError(await call(t, 'POST', '/dao/vote', { token: jwt, body: { proposal_id: proposal?.proposal_id, support: 3 } }), 400, 'BAD_REQUEST');
    await signAndSend(wallet, expectOk(await call(t, 'POST', '/dao/vote', { token: jwt, body: { proposal_id: proposal?.proposal_id, support: 1 } }), PreparedTransactionsSchema));
    [proposal] = expectOk(await call(t, 'GET', '/dao/proposals'), z.array(ProposalSchema));
    assert.equal(proposal?.votes_for, '5000000');
    await waitIndexed('VoteCast', 1);
  });

  it('an item minted to a wallet shows in its inventory, sells on the market, and moves to the buyer', async () => {
    const runtime = t.server.platform.chain;
    assert.ok(runtime !== null);
    const mint = await runtime.link.wallet.writeContract({
      address: runtime.addresses.GameItems,
      abi: GameItems.abi,
      functionName: 'mint',
      args: [wallet.address, 0, 'ipfs://skins/jade-dragon.json', 0n],
    });
    await runtime.link.reader.waitForTransactionReceipt({ hash: mint, pollingInterval: 50 });
    await waitIndexed('ItemMinted', 1);
    const [item] = expectOk(await call(t, 'GET', '/nft/inventory', { token: jwt }), z.array(ItemSchema));
    assert.deepEqual({ kind: item?.kind, uri: item?.uri, owner: item?.owner }, { kind: 'skin', uri: 'ipfs://skins/jade-dragon.json', owner: wallet.address });
    const tokenId = item?.token_id ?? '';
    const buyer = newWallet();
    const buyerJwt = (await walletSignIn(t, buyer)).jwt;
    expectError(await call(t, 'POST', '/nft/list', { token: buyerJwt, body: { token_id: tokenId, price: '20' } }), 403, 'FORBIDDEN');
    await signAndSend(wallet, expectOk(await call(t, 'POST', '/nft/list', { token: jwt, body: { token_id: tokenId, price: '20' } }), PreparedTransactionsSchema));
    const [listing] = expectOk(await call(t, 'GET', '/nft/market'), z.array(ListingSchema));
    assert.deepEqual({ token: listing?.token_id, seller: listing?.seller, price: listing?.price }, { token: tokenId, seller: wallet.address, price: '20' });

    expectOk(await call(t, 'POST', '/chain/faucet', { token: buyerJwt, body: {} }), z.object({ tx_hashes: z.array(z.string()) }));
    await signAndSend(buyer, expectOk(await call(t, 'POST', '/token/swap', { token: buyerJwt, body: { from_token: 'USDC', to_token: 'PLAY', amount: '100' } }), SwapPreparedSchema), buyerJwt);
    const sellerPlay = await playOf(wallet.address);
    await signAndSend(buyer, expectOk(await call(t, 'POST', '/nft/buy', { token: buyerJwt, body: { token_id: tokenId } }), PreparedTransactionsSchema), buyerJwt);
    assert.equal(await playOf(wallet.address), sellerPlay + parseUnits('19', 18), 'the seller gets the price less the 5% royalty');
    await waitIndexed('Sold', 1);
    assert.deepEqual(expectOk(await call(t, 'GET', '/nft/inventory', { token: jwt }), z.array(ItemSchema)), []);
    assert.deepEqual(expectOk(await call(t, 'GET', '/nft/inventory', { token: buyerJwt }), z.array(ItemSchema)).map((owned) => owned.token_id), [tokenId]);
    assert.deepEqual(expectOk(await call(t, 'GET', '/nft/market'), z.array(ListingSchema)), []);
  });

  it('operators see the DAO treasury as the chain holds it, royalties from item sales included', async () => {
    const runtime = t.server.platform.chain;
    assert.ok(runtime !== null);
    const operator = await staffMember(t, await firstAdmin(t), 'operator');
    const timelock = runtime.addresses.GuandanTimelock;
    const guan = await runtime.link.reader.readContract({ address: runtime.addresses.GuanToken, abi: GuanToken.abi, functionName: 'balanceOf', args: [timelock] });
    const { treasury } = expectOk(await call(t, 'GET', '/admin/economy', { token: operator.session.jwt }), EconomyOverviewSchema);
    assert.deepEqual(treasury, { status: 'read', address: timelock, play: formatUnits(await playOf(timelock), 18), guan: formatUnits(guan, 18), usdc: '0' });
    assert.ok(Number(treasury.play) > 0, 'the treasury holds the launch remainder and the royalties');
    expectError(await call(t, 'GET', '/admin/economy', { token: jwt }), 403, 'FORBIDDEN');
  });

  it('after a restart the chain, the contracts and the index carry on, nothing indexed twice', async () => {
    const before = await t.server.platform.db.selectFrom('chain_events').select(['tx_hash', 'log_index']).execute();
    const balanceBefore = await balance();
    await t.close();
    t = await startTestServer({ env, dataDir });
    const after = await balance();
    assert.deepEqual({ PLAY: after.PLAY, USDC: after.USDC, GUAN: after.GUAN }, { PLAY: balanceBefore.PLAY, USDC: balanceBefore.USDC, GUAN: balanceBefore.GUAN });
    const plan = expectOk(await call(t, 'POST', '/token/unstake', { token: jwt, body: { amount: '100' } }), PreparedTransactionsSchema);
    await signAndSend(wallet, plan);
    await waitIndexed('Withdrawn', 1);
    const rows = await t.server.platform.db.selectFrom('chain_events').select(['tx_hash', 'log_index']).execute();
    const keys = new Set(rows.map((row) => `${row.tx_hash}:${row.log_index}`));
    assert.equal(keys.size, rows.length, 'no event twice');
    for (const row of before) assert.ok(keys.has(`${row.tx_hash}:${row.log_index}`));
    assert.ok(rows.length > before.length);
  });
});
