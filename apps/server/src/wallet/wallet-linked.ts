import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { nowIso } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';

export const WALLET_LINKED = 'WalletLinked';

/**
 * The `WalletLinked` event: an account has a wallet from now on, linked to it or made with it by a wallet sign-in.
 * Published through the outbox (at least once; consume it with `consumeOnce`), e.g. to pay out rewards that were
 * waiting for a wallet.
 */
export interface WalletLinked {
  userId: string;
  /** Checksummed (EIP-55). */
  address: string;
}

/** Writes the event in the transaction that links the wallet, so it is published if and only if that commits. */
export async function recordWalletLinked(trx: Transaction<Database>, event: WalletLinked): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({ id: randomUUID(), kind: WALLET_LINKED, payload: JSON.stringify(event), created_at: nowIso(), published_at: null })
    .execute();
}
