import { ChainInfoSchema, ProtocolError } from '@guandan/protocol';
import { TestUSDC } from '@guandan/contracts';
import { getAddress, parseEther, parseUnits } from 'viem';
import { z } from 'zod';
import { route } from '../http/api.js';
import type { Db } from '../platform/db/database.js';
import { requireChain, requireLocalChain, requireWallet } from './chain-access.js';
import type { BalanceReader } from './balances.js';
import type { ChainRuntime } from './chain-runtime.js';

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
  id: z.union([z.number(), z.string()]),
  method: z.enum(RELAYED_METHODS),
  params: z.array(z.unknown()).max(8).default([]),
});
const RpcAnswerSchema = z.object({ jsonrpc: z.literal('2.0'), id: z.union([z.number(), z.string()]) }).passthrough();

const FAUCET = { ether: parseEther('1'), usdc: parseUnits('1000', 6) };

/** /chain: where the contracts are; on the local chain also a faucet and a relay for the app's dev wallet. */
export function chainRoutes(db: Db, chain: ChainRuntime | null, balances: BalanceReader | null, faucetPerMinute: number) {
  return [
    route({
      method: 'GET',
      path: '/chain',
      summary: 'The chain the platform runs on and its contract addresses',
      tag: 'chain',
      auth: false,
      response: ChainInfoSchema,
      handler: async () => {
        const { addresses } = requireChain(chain);
        const { chainId, deployBlock: _deployBlock, ...contracts } = addresses;
        return { chain_id: chainId, local: requireChain(chain).funder !== null, contracts };
      },
    }),
    route({
      method: 'POST',
      path: '/chain/faucet',
      summary: 'Local chain only: 1 ETH for gas and 1,000 test USDC to the caller’s linked wallet',
      tag: 'chain',
      auth: true,
      rateLimitPerMinute: faucetPerMinute,
      response: z.object({ tx_hashes: z.array(z.string()) }),
      handler: async ({ user }) => {
        const { funder, addresses } = requireLocalChain(chain);
        if (funder === null) throw new ProtocolError('CHAIN_OFF', 'no faucet on this chain');
        const wallet = await requireWallet(db, user.userId);
        const gas = await funder.wallet.sendTransaction({ to: wallet, value: FAUCET.ether });
        await funder.reader.waitForTransactionReceipt({ hash: gas, pollingInterval: 50 });
        const usdc = await funder.wallet.writeContract({ address: addresses.USDC, abi: TestUSDC.abi, functionName: 'mint', args: [wallet, FAUCET.usdc] });
        await funder.reader.waitForTransactionReceipt({ hash: usdc, pollingInterval: 50 });
        balances?.forget(wallet);
        return { tx_hashes: [gas, usdc] };
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
        const { rpcUrl } = requireLocalChain(chain);
        const response = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        const answer = RpcAnswerSchema.parse(await response.json());
        // The local chain mines each transaction as it arrives: the sender's balances have changed already.
        if (body.method === 'eth_sendRawTransaction') {
          const row = await db.selectFrom('users').select('wallet_address').where('id', '=', user.userId).executeTakeFirst();
          if (row?.wallet_address) balances?.forget(getAddress(row.wallet_address));
        }
        return answer;
      },
    }),
  ];
}
