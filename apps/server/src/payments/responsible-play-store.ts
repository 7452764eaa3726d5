import type { SpendingPeriod } from '@guandan/protocol';
import type { Transaction } from 'kysely';
import type { Executor } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';
import { type LimitState, NO_LIMIT } from './limit-change.js';

/** The payments domain's responsible-play tables: spending limits and self-exclusions. */
export class ResponsiblePlayStore {
  /** A person's limits by period (a period never set has none). */
  async limits(db: Executor, userId: string): Promise<Map<SpendingPeriod, LimitState>> {
    const rows = await db.selectFrom('spending_limits').selectAll().where('user_id', '=', userId).execute();
    const limits = new Map<SpendingPeriod, LimitState>();
    for (const row of rows) {
      const pending = row.pending_from === null ? null : { limit: row.pending_limit_minor, from: Date.parse(row.pending_from) };
      limits.set(row.period as SpendingPeriod, { limit: row.limit_minor, pending });
    }
    return limits;
  }

  async saveLimit(db: Executor, userId: string, period: SpendingPeriod, state: LimitState, now: string): Promise<void> {
    const values = {
      limit_minor: state.limit,
      pending_limit_minor: state.pending?.limit ?? null,
      pending_from: state.pending === null ? null : new Date(state.pending.from).toISOString(),
      updated_at: now,
    };
    await db
      .insertInto('spending_limits')
      .values({ user_id: userId, period, ...values })
      .onConflict((conflict) => conflict.columns(['user_id', 'period']).doUpdateSet(values))
      .execute();
  }

  /**
   * Takes the person's limit rows for the rest of the transaction (a write locks them on PostgreSQL; SQLite runs
   * one writing transaction at a time): two checkouts at once are counted against the limits one after the other.
   */
  async lockLimits(trx: Transaction<Database>, userId: string): Promise<void> {
    await trx.updateTable('spending_limits').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('user_id', '=', userId).execute();
  }

  async excludedUntil(db: Executor, userId: string): Promise<string | null> {
    const row = await db.selectFrom('self_exclusions').select('until').where('user_id', '=', userId).executeTakeFirst();
    return row?.until ?? null;
  }

  async saveExclusion(db: Executor, userId: string, until: string, now: string): Promise<void> {
    await db
      .insertInto('self_exclusions')
      .values({ user_id: userId, until, created_at: now })
      .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ until }))
      .execute();
  }

  /** NO_LIMIT for a period the person never limited. */
  static stateOf(limits: Map<SpendingPeriod, LimitState>, period: SpendingPeriod): LimitState {
    return limits.get(period) ?? NO_LIMIT;
  }
}
