import {
  type Account,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hash,
  http,
  type PublicClient,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
} from 'viem';

/** A signing account on one chain, and a reader for the same chain. */
export interface ChainLink {
  wallet: WalletClient<Transport, Chain, Account>;
  reader: PublicClient<Transport, Chain>;
}

/** Receipts are polled for; anvil mines at once, so a short interval keeps local transactions quick. */
const POLL_MS = 50;

/**
 * Every transaction's gas limit is its estimate plus this share (as forge scripts do, 130%). The node estimates
 * against the pending block, stamped with the current second, but the transaction may be mined in a later one, where
 * a write that stores `block.timestamp` costs more: Staking's reward update writes a new `lastUpdateTime` (2,900 gas)
 * instead of the same value (100 gas) when the contract was deployed in the second of the estimate. With the exact
 * estimate, such a transaction (setRewardRate at launch) ran out of gas and reverted when a second ticked between
 * the estimate and the mining (test/deploy-slow-mining.test.ts). Unused gas is not paid for.
 */
const GAS_MARGIN_PERCENT = 30n;

export function chainAt(rpcUrl: string, chainId: number): Chain {
  return defineChain({
    id: chainId,
    name: chainId === 31337 ? 'Local chain (anvil)' : `Chain ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
    // Runs once viem has the node's estimate (eth_fillTransaction, or eth_estimateGas on nodes without it).
    prepareTransactionRequest: [withGasMargin, { runAt: ['afterFillParameters'] }],
  });
}

async function withGasMargin<T extends { gas?: bigint | undefined }>(request: T): Promise<T> {
  if (request.gas === undefined) return request;
  return { ...request, gas: request.gas + (request.gas * GAS_MARGIN_PERCENT) / 100n };
}

export function linkChain(rpcUrl: string, chainId: number, account: Account): ChainLink {
  const chain = chainAt(rpcUrl, chainId);
  const transport = http(rpcUrl);
  return {
    wallet: createWalletClient({ account, chain, transport, pollingInterval: POLL_MS }),
    reader: createPublicClient({ chain, transport, pollingInterval: POLL_MS }),
  };
}

/** Waits for the transaction's receipt and throws if it reverted. */
export async function confirmed(link: ChainLink, hash: Hash): Promise<TransactionReceipt> {
  const receipt = await link.reader.waitForTransactionReceipt({ hash, pollingInterval: POLL_MS });
  if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
  return receipt;
}
