import { ChainInfoSchema, ProtocolError } from '@guandan/protocol';
import { TestUSDC } from '@guandan/contracts';
import { type Address, type Hash, parseEther, parseUnits } from 'viem';
import { z } from 'zod';
import { route } from '../http/api.js';
import { AccountLimiter } from './account-limiter.js';
import type { ChainAccess } from './chain-access.js';
import type { BalanceReader } from './balances.js';
import type { ChainRuntime } from './chain-runtime.js';
import { checkRelayedTransaction, platformContracts } from './relay-guard.js';
import { SerialQueue } from './serial-queue.js';

/** What a browser dev wallet may ask the local chain: reads, fee data and sending its own signed transactions. */
const RELAYED_METHODS = [
  'eth_chainId',
  'eth_blockNumber',
  'eth_call',
  'eth_estimateGas',
  'eth_gasPrice',
  'eth_maxPriorityFeePerGas',
  'eth_feeHistory',
  'eth_getBalance',
  'eth_getCode',
  'eth_getTransactionCount',
  'eth_getBlockByNumber',
  'eth_getTransactionReceipt',
  'eth_getTransactionByHash',
  'eth_sendRawTransaction',
] as const;

const RpcRequestSchema = z.strictObject({
  jsonrpc: z.literal('2.0'),
  // The chain answers an id it cannot echo (a fraction, a number beyond 2^53) with a null id: such ids are refused here.
  id: z.union([z.int(), z.string().max(100)]),
  method: z.enum(RELAYED_METHODS),
  params: z.array(z.unknown()).max(8).default([]),
});
const RpcAnswerSchema = z.object({ jsonrpc: z.literal('2.0'), id: z.union([z.number(), z.string()]) }).passthrough();

const FAUCET = { ether: parseEther('1'), usdc: parseUnits('1000', 6) };
/** Test funds are free, but each payout is two transactions from one key: a few a minute per account is plenty. */
const FAUCET_PER_ACCOUNT_PER_MINUTE = 5;

export interface ChainRouteLimits {
  /** Faucet calls a minute per client address. */
  faucetPerMinute: number;
  /** Signed transactions a minute per account through the relay. */
  relayTxPerMinute: number;
}

/** /chain: where the contracts are; on the local chain also a faucet and a relay for the app's dev wallet. */
export function chainRoutes(chain: ChainRuntime | null, access: ChainAccess, balances: BalanceReader | null, limits: ChainRouteLimits) {
  const faucetLimit = new AccountLimiter(FAUCET_PER_ACCOUNT_PER_MINUTE, 'faucet payouts');
  const relayLimit = new AccountLimiter(limits.relayTxPerMinute, 'relayed transactions');
  const contracts = chain === null ? new Set<Address>() : platformContracts(chain.addresses);
  // Everything the faucet sends, with one key, in turn.
  const payouts = new SerialQueue();
  return [
    route({
      method: 'GET',
      path: '/chain',
      summary: 'The chain the platform runs on and its contract addresses, or null when it runs without one',
      tag: 'chain',
      auth: false,
      // Every app start asks: a platform without a chain is a normal answer (null), not an error in the console.
      response: ChainInfoSchema.nullable(),
      handler: async () => {
        if (chain === null) return null;
        const { chainId, deployBlock: _deployBlock, ...contracts } = chain.addresses;
        return { chain_id: chainId, local: chain.funder !== null, contracts };
      },
    }),
    route({
      method: 'POST',
      path: '/chain/faucet',
      summary: 'Local chain only: 1 ETH for gas and 1,000 test USDC to the caller’s linked wallet',
      tag: 'chain',
      auth: true,
      rateLimitPerMinute: limits.faucetPerMinute,
      response: z.object({ tx_hashes: z.array(z.string()) }),
      handler: async ({ user }) => {
        const { runtime, wallet } = await access.localChainAndWallet(user.userId);
        faucetLimit.take(user.userId);
        const hashes = await payouts.run(() => payOut(runtime, wallet));
        balances?.forget(wallet);
        return { tx_hashes: hashes };
      },
    }),
    route({
      method: 'POST',
      path: '/chain/rpc',
      summary: 'Local chain only: a JSON-RPC relay for the app’s dev wallet (reads and signed transactions)',
      tag: 'chain',
      auth: true,
      body: RpcRequestSchema,
      response: RpcAnswerSchema,
      handler: async ({ user, body }) => {
        const { rpcUrl } = access.localChain();
        let sender: Address | null = null;
        if (body.method === 'eth_sendRawTransaction') {
          sender = await access.wallet(user.userId);
          // Refused attempts count too: each costs a signature recovery.
          relayLimit.take(user.userId);
          await checkRelayedTransaction(body.params[0], sender, contracts);
        }
        const response = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        const answer = RpcAnswerSchema.parse(await response.json());
        // The local chain mines each transaction as it arrives: the sender's balances have changed already.
        if (sender !== null) balances?.forget(sender);
        return answer;
      },
    }),
  ];
}

/**
 * One payout: ether for gas and test USDC, sent back to back (consecutive numbers from the funding key's nonce
 * manager, so they are mined in order), then both awaited. A payout either pays both or fails as a whole request;
 * with payouts in turn, two never race for a transaction number.
 */
async function payOut(runtime: ChainRuntime, wallet: Address): Promise<Hash[]> {
  const { funder, addresses } = runtime;
  if (funder === null) throw new ProtocolError('CHAIN_OFF', 'no faucet on this chain');
  const gas = await funder.wallet.sendTransaction({ to: wallet, value: FAUCET.ether });
  const usdc = await funder.wallet.writeContract({ address: addresses.USDC, abi: TestUSDC.abi, functionName: 'mint', args: [wallet, FAUCET.usdc] });
  for (const hash of [gas, usdc]) {
    const receipt = await funder.reader.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    if (receipt.status !== 'success') throw new ProtocolError('UNAVAILABLE', `the faucet's transaction ${hash} reverted`);
  }
  return [gas, usdc];
}
