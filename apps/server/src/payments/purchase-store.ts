import type { Purchase, PurchaseStatus } from '@guandan/protocol';
import type { Selectable, Transaction } from 'kysely';
import type { Db, Executor } from '../platform/db/database.js';
import type { Database, PaymentHoldsTable, PurchasesTable } from '../platform/db/schema.js';

export type PurchaseRow = Selectable<PurchasesTable>;
export type HoldRow = Selectable<PaymentHoldsTable>;

export interface HoldFilter {
  status?: 'open' | 'lifted';
  userId?: string;
}

/** The payments domain's tables: purchases, the provider events applied, and the holds on accounts. */
export class PurchaseStore {
  constructor(private readonly db: Db) {}

  async insert(db: Executor, row: Omit<PurchaseRow, 'coins_taken_back'>): Promise<void> {
    await db.insertInto('purchases').values(row).execute();
  }

  /** What a person spent since `since`: purchases paid, and those started and not yet paid (they may still be). */
  async spentSince(db: Executor, userId: string, since: string): Promise<number> {
    const row = await db
      .selectFrom('purchases')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('amount_minor'), eb.lit(0)).as('spent'))
      .where('user_id', '=', userId)
      .where('status', 'in', ['paid', 'pending'])
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.spent);
  }

  async setCheckout(purchaseId: string, checkoutId: string, now: string): Promise<void> {
    await this.db.updateTable('purchases').set({ checkout_id: checkoutId, updated_at: now }).where('id', '=', purchaseId).execute();
  }

  async setStatus(db: Executor, purchaseId: string, status: PurchaseStatus, now: string): Promise<void> {
    await db.updateTable('purchases').set({ status, updated_at: now }).where('id', '=', purchaseId).execute();
  }

  async get(db: Executor, purchaseId: string): Promise<PurchaseRow | undefined> {
    return db.selectFrom('purchases').selectAll().where('id', '=', purchaseId).executeTakeFirst();
  }

  /**
   * The purchase, locked for the rest of the transaction that applies an event to it: the write takes the row lock
   * on PostgreSQL (SQLite runs one writing transaction at a time anyway), so two events about one purchase (its
   * payment and its refund, sent at once) are applied one after the other, each seeing what the other did.
   */
  async lockAndGet(trx: Transaction<Database>, purchaseId: string, now: string): Promise<PurchaseRow | undefined> {
    await trx.updateTable('purchases').set({ updated_at: now }).where('id', '=', purchaseId).execute();
    return trx.selectFrom('purchases').selectAll().where('id', '=', purchaseId).executeTakeFirst();
  }

  async update(db: Executor, purchaseId: string, change: Partial<Pick<PurchaseRow, 'status' | 'payment_id' | 'paid_at' | 'coins_taken_back'>>, now: string): Promise<void> {
    await db.updateTable('purchases').set({ ...change, updated_at: now }).where('id', '=', purchaseId).execute();
  }

  /**
   * Marks a provider event applied; false when it was before (the provider sends events again, and may send one
   * twice at once: the key makes the second wait for the first and then find it).
   */
  async markEvent(trx: Transaction<Database>, event: { provider: string; eventId: string; kind: string; purchaseId: string | null }, now: string): Promise<boolean> {
    const result = await trx
      .insertInto('payment_events')
      .values({ provider: event.provider, event_id: event.eventId, kind: event.kind, purchase_id: event.purchaseId, received_at: now })
      .onConflict((conflict) => conflict.columns(['provider', 'event_id']).doNothing())
      .executeTakeFirst();
    return result.numInsertedOrUpdatedRows !== 0n;
  }

  /** A person's purchases, newest first, and how many there are. */
  async page(userId: string, page: number, perPage: number): Promise<{ items: Purchase[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.db.selectFrom('purchases').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').offset((page - 1) * perPage).limit(perPage).execute(),
      this.db.selectFrom('purchases').select((eb) => eb.fn.countAll<number | string>().as('total')).where('user_id', '=', userId).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toPurchase), total: Number(count.total) };
  }

  /** Purchases a person started since `since` and has not paid for: checkouts left open. */
  async unpaidSince(userId: string, since: string): Promise<number> {
    const row = await this.db
      .selectFrom('purchases')
      .select((eb) => eb.fn.countAll<number | string>().as('open'))
      .where('user_id', '=', userId)
      .where('status', '=', 'pending')
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.open);
  }

  async addHold(db: Executor, hold: { id: string; userId: string; purchaseId: string; owedCoins: number; reason: string }, now: string): Promise<void> {
    await db
      .insertInto('payment_holds')
      .values({ id: hold.id, user_id: hold.userId, purchase_id: hold.purchaseId, owed_coins: hold.owedCoins, reason: hold.reason, created_at: now, lifted_at: null, lifted_by: null, lift_reason: null })
      .execute();
  }

  /** Holds, newest first, open or lifted, of one account or all; and how many match. */
  async holds(filter: HoldFilter, offset: number, limit: number): Promise<{ rows: HoldRow[]; total: number }> {
    let query = this.db.selectFrom('payment_holds');
    if (filter.status === 'open') query = query.where('lifted_at', 'is', null);
    if (filter.status === 'lifted') query = query.where('lifted_at', 'is not', null);
    if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('created_at', 'desc').orderBy('id').offset(offset).limit(limit).execute(),
      query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.total) };
  }

  async hold(db: Executor, holdId: string): Promise<HoldRow | undefined> {
    return db.selectFrom('payment_holds').selectAll().where('id', '=', holdId).executeTakeFirst();
  }

  /** Lifts a hold still open; false when it was lifted already (by someone else meanwhile). */
  async liftHold(db: Executor, holdId: string, lift: { by: string; reason: string }, now: string): Promise<boolean> {
    const result = await db
      .updateTable('payment_holds')
      .set({ lifted_at: now, lifted_by: lift.by, lift_reason: lift.reason })
      .where('id', '=', holdId)
      .where('lifted_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows !== 0n;
  }

  /** Whether the account has a hold not lifted. */
  async onHold(userId: string): Promise<boolean> {
    const row = await this.db.selectFrom('payment_holds').select('id').where('user_id', '=', userId).where('lifted_at', 'is', null).executeTakeFirst();
    return row !== undefined;
  }
}

export function toPurchase(row: PurchaseRow): Purchase {
  return {
    purchase_id: row.id,
    product_id: row.product_id,
    coins: row.coins,
    price_minor: row.amount_minor,
    currency: row.currency,
    status: row.status as PurchaseStatus,
    coins_taken_back: row.coins_taken_back,
    created_at: row.created_at,
    paid_at: row.paid_at,
  };
}
