import { type ChainLink, PlayToken } from '@guandan/contracts';
import type { Address, Hash, Hex } from 'viem';

/** Where a batch's mint landed. */
export interface MintPlace {
  hash: Hash;
  block: bigint;
}

/** What the minter needs of the chain: small, so the worker's logic reads apart from viem's. */
export interface RewardChain {
  /** Sends `batchMintRewards` and returns as soon as the node accepted it. */
  sendBatch(batchId: Hex, recipients: Address[], amounts: bigint[]): Promise<Hash>;
  /** Waits for the transaction to be mined: its outcome and its block. */
  outcome(hash: Hash): Promise<{ status: 'success' | 'reverted'; block: bigint }>;
  /** Whether the token has minted this batch, as of the latest block: the truth the worker goes by. */
  isBatchMinted(batchId: Hex): Promise<boolean>;
  /** The transaction and block that minted the batch, from the token's `TokensMinted` logs. */
  mintedIn(batchId: Hex): Promise<MintPlace | null>;
  /** The latest block's number. */
  head(): Promise<bigint>;
  /** Drops the reward key's cached transaction numbers, after the chain was found to have lost blocks. */
  forgetNonces(): void;
}

export function playRewardChain(link: ChainLink, play: Address, fromBlock: bigint): RewardChain {
  const { account, chain } = link.wallet;
  return {
    sendBatch: (batchId, recipients, amounts) =>
      link.wallet.writeContract({ address: play, abi: PlayToken.abi, functionName: 'batchMintRewards', args: [recipients, amounts, batchId] }),
    outcome: async (hash) => {
      const receipt = await link.reader.waitForTransactionReceipt({ hash, pollingInterval: 50 });
      return { status: receipt.status, block: receipt.blockNumber };
    },
    isBatchMinted: (batchId) => link.reader.readContract({ address: play, abi: PlayToken.abi, functionName: 'batchMinted', args: [batchId], blockTag: 'latest' }),
    mintedIn: async (batchId) => {
      const logs = await link.reader.getContractEvents({ address: play, abi: PlayToken.abi, eventName: 'TokensMinted', args: { rewardRef: batchId }, fromBlock });
      const [log] = logs;
      return log === undefined ? null : { hash: log.transactionHash, block: log.blockNumber };
    },
    head: () => link.reader.getBlockNumber({ cacheTime: 0 }),
    forgetNonces: () => account.nonceManager?.reset({ address: account.address, chainId: chain.id }),
  };
}
