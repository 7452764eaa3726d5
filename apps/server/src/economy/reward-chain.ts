import { type ChainLink, PlayToken } from '@guandan/contracts';
import type { Address, Hash, Hex } from 'viem';

/** What the minter needs of the chain: small, so the worker's logic reads apart from viem's. */
export interface RewardChain {
  /** Sends `batchMintRewards` and returns as soon as the node accepted it. */
  sendBatch(batchId: Hex, recipients: Address[], amounts: bigint[]): Promise<Hash>;
  /** Waits for the transaction's outcome. */
  outcome(hash: Hash): Promise<'success' | 'reverted'>;
  /** Whether the token has minted this batch: the truth a restarted worker goes by. */
  isBatchMinted(batchId: Hex): Promise<boolean>;
  /** The transaction that minted the batch, from the token's `TokensMinted` logs. */
  mintTransaction(batchId: Hex): Promise<Hash | null>;
}

export function playRewardChain(link: ChainLink, play: Address, fromBlock: bigint): RewardChain {
  return {
    sendBatch: (batchId, recipients, amounts) =>
      link.wallet.writeContract({ address: play, abi: PlayToken.abi, functionName: 'batchMintRewards', args: [recipients, amounts, batchId] }),
    outcome: async (hash) => (await link.reader.waitForTransactionReceipt({ hash, pollingInterval: 50 })).status,
    isBatchMinted: (batchId) => link.reader.readContract({ address: play, abi: PlayToken.abi, functionName: 'batchMinted', args: [batchId] }),
    mintTransaction: async (batchId) => {
      const logs = await link.reader.getContractEvents({ address: play, abi: PlayToken.abi, eventName: 'TokensMinted', args: { rewardRef: batchId }, fromBlock });
      return logs[0]?.transactionHash ?? null;
    },
  };
}
