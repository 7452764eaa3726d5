import { quantity } from './address';
import type { RpcCall } from './json-rpc';
import { WalletError } from './wallet-error';

/** The part of a transaction receipt the app reads (EIP-1474: status 0x1 success, 0x0 reverted). */
interface Receipt {
  status: string;
  transactionHash: `0x${string}`;
}

/** A public chain may take minutes at a busy time; after this the player is told to look again later. */
const GIVE_UP_MS = 5 * 60_000;

/** The hash of a mined transaction that did what it was sent for; a reverted one is an error for the player. */
export function confirmed(receipt: Receipt): `0x${string}` {
  if (receipt.status !== quantity(1)) throw new WalletError('reverted', `transaction ${receipt.transactionHash} reverted`);
  return receipt.transactionHash;
}

/** Waits until the transaction is mined (asking for its receipt every `pollMs`), then as `confirmed`. */
export async function waitForReceipt(rpc: RpcCall, hash: `0x${string}`, pollMs: number): Promise<`0x${string}`> {
  const deadline = Date.now() + GIVE_UP_MS;
  while (Date.now() < deadline) {
    const receipt = (await rpc('eth_getTransactionReceipt', [hash])) as Receipt | null;
    if (receipt !== null) return confirmed(receipt);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  throw new WalletError('failed', `transaction ${hash} not mined after ${GIVE_UP_MS / 60_000} minutes`);
}
