import type { UnitOfWork } from '../platform/db/unit-of-work.js';
import { enqueueEvent } from '../platform/outbox.js';

export const ACCOUNT_CREATED = 'AccountCreated';

/** The `AccountCreated` event: a new account (a guest's too), published through the outbox at least once. */
export interface AccountCreated {
  userId: string;
  isGuest: boolean;
  createdAt: string;
}

/** Writes the event in the transaction that makes the account, so it is published if and only if that commits. */
export async function recordAccountCreated(work: UnitOfWork, event: AccountCreated): Promise<void> {
  await enqueueEvent(work, { id: `account-created:${event.userId}`, kind: ACCOUNT_CREATED, payload: event });
}
