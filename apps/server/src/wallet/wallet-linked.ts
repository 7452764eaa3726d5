import { randomUUID } from 'node:crypto';
import type { UnitOfWork } from '../platform/db/unit-of-work.js';
import { enqueueEvent } from '../platform/outbox.js';

export const WALLET_LINKED = 'WalletLinked';

/**
 * The `WalletLinked` event: an account has a wallet from now on, linked to it or made with it by a wallet sign-in.
 * Published through the outbox (at least once; its consumers are idempotent), e.g. to pay out rewards that were
 * waiting for a wallet.
 */
export interface WalletLinked {
  userId: string;
  /** Checksummed (EIP-55). */
  address: string;
}

/** Writes the event in the transaction that links the wallet, so it is published if and only if that commits. */
export async function recordWalletLinked(work: UnitOfWork, event: WalletLinked): Promise<void> {
  await enqueueEvent(work, { id: randomUUID(), kind: WALLET_LINKED, payload: event });
}
