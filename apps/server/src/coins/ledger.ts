import { randomUUID } from 'node:crypto';
import { ProtocolError } from '@guandan/protocol';
import { type Executor, nowIso } from '../platform/db/database.js';


export interface LedgerWrite {
  userId: string;
  /** Positive to credit, negative to debit. */
  amount: number;
  reason: string;
  /** The same key is applied once only, e.g. `grant:<userId>` or `deal:<gameId>:<deal>:<userId>`. */
  idempotencyKey: string;
}

export interface LedgerResult {
  applied: boolean;
  balance: number;
}

/**
 * Game coins: every change is a ledger entry with an idempotency key, and the balance on the user row moves in
 * the same transaction. A debit that would take the balance below zero is refused with INSUFFICIENT_COINS.
 * Pass the caller's transaction to make the entry part of a larger write.
 */
export async function applyLedgerEntry(db: Executor, write: LedgerWrite): Promise<LedgerResult> {
  const run = async (trx: Executor): Promise<LedgerResult> => {
    const existing = await trx.selectFrom('coin_ledger').select('balance_after').where('idempotency_key', '=', write.idempotencyKey).executeTakeFirst();
    if (existing !== undefined) return { applied: false, balance: existing.balance_after };
    const updated = await trx
      .updateTable('users')
      .set((eb) => ({ game_coin_balance: eb('game_coin_balance', '+', write.amount) }))
      .where('id', '=', write.userId)
      .where('game_coin_balance', '>=', -write.amount)
      .returning('game_coin_balance')
      .executeTakeFirst();
    if (updated === undefined) {
      const user = await trx.selectFrom('users').select('id').where('id', '=', write.userId).executeTakeFirst();
      if (user === undefined) throw new ProtocolError('NOT_FOUND', `no user ${write.userId}`);
      throw new ProtocolError('INSUFFICIENT_COINS', `not enough game coins for ${write.reason}`);
    }
    await trx
      .insertInto('coin_ledger')
      .values({
        id: randomUUID(),
        user_id: write.userId,
        amount: write.amount,
        reason: write.reason,
        idempotency_key: write.idempotencyKey,
        balance_after: updated.game_coin_balance,
        created_at: nowIso(),
      })
      .execute();
    return { applied: true, balance: updated.game_coin_balance };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
