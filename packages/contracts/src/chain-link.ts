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

export function chainAt(rpcUrl: string, chainId: number): Chain {
  return defineChain({
    id: chainId,
    name: chainId === 31337 ? 'Local chain (anvil)' : `Chain ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
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
