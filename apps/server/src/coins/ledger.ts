import { randomUUID } from 'node:crypto';
import { ProtocolError } from '@guandan/protocol';
import { type Db, type Executor, nowIso } from '../platform/db/database.js';

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

export interface LedgerEntryRow {
  id: string;
  amount: number;
  reason: string;
  balance_after: number;
  created_at: string;
}

/** A person's game coins; none before their first entry. */
export async function balanceOf(db: Executor, userId: string): Promise<number> {
  const row = await db.selectFrom('coin_balances').select('balance').where('user_id', '=', userId).executeTakeFirst();
  return row?.balance ?? 0;
}

export async function balancesOf(db: Executor, userIds: readonly string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('coin_balances').select(['user_id', 'balance']).where('user_id', 'in', [...userIds]).execute();
  return new Map(rows.map((row) => [row.user_id, row.balance]));
}

/** A person's entries, newest first. */
export async function ledgerPage(db: Db, userId: string, page: number, limit: number): Promise<LedgerEntryRow[]> {
  return db
    .selectFrom('coin_ledger')
    .select(['id', 'amount', 'reason', 'balance_after', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .offset((page - 1) * limit)
    .limit(limit)
    .execute();
}

export async function ledgerCount(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom('coin_ledger').select((eb) => eb.fn.countAll<number | string>().as('total')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Adds to a balance in one statement, so concurrent entries all count; the new balance. */
async function credit(trx: Executor, userId: string, amount: number): Promise<number> {
  // The balance row's key references the account: coins for someone who does not exist are refused there.
  const row = await trx
    .insertInto('coin_balances')
    .values({ user_id: userId, balance: amount })
    .onConflict((conflict) => conflict.column('user_id').doUpdateSet((eb) => ({ balance: eb('coin_balances.balance', '+', amount) })))
    .returning('balance')
    .executeTakeFirstOrThrow();
  return row.balance;
}

/** Takes from a balance only if it covers the amount, in one statement; the new balance, or null if it does not. */
async function debit(trx: Executor, userId: string, amount: number): Promise<number | null> {
  const row = await trx
    .updateTable('coin_balances')
    .set((eb) => ({ balance: eb('balance', '-', amount) }))
    .where('user_id', '=', userId)
    .where('balance', '>=', amount)
    .returning('balance')
    .executeTakeFirst();
  return row?.balance ?? null;
}

/**
 * Game coins: every change is a ledger entry with an idempotency key, and the balance moves in the same
 * transaction. A debit that would take the balance below zero is refused with INSUFFICIENT_COINS. Pass the
 * caller's transaction to make the entry part of a larger write.
 */
export async function applyLedgerEntry(db: Executor, write: LedgerWrite): Promise<LedgerResult> {
  const run = async (trx: Executor): Promise<LedgerResult> => {
    const existing = await trx.selectFrom('coin_ledger').select('balance_after').where('idempotency_key', '=', write.idempotencyKey).executeTakeFirst();
    if (existing !== undefined) return { applied: false, balance: existing.balance_after };
    const balance = write.amount >= 0 ? await credit(trx, write.userId, write.amount) : await debit(trx, write.userId, -write.amount);
    if (balance === null) throw new ProtocolError('INSUFFICIENT_COINS', `not enough game coins for ${write.reason}`);
    await trx
      .insertInto('coin_ledger')
      .values({ id: randomUUID(), user_id: write.userId, amount: write.amount, reason: write.reason, idempotency_key: write.idempotencyKey, balance_after: balance, created_at: nowIso() })
      .execute();
    return { applied: true, balance };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
