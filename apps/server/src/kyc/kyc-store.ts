import type { Selectable, Transaction } from 'kysely';
import type { Executor } from '../platform/db/database.js';
import type { Database, KycChecksTable } from '../platform/db/schema.js';
import type { CheckStatus } from './identity-checks.js';

export type CheckRow = Selectable<KycChecksTable>;

/** The kyc domain's tables: each person's checks per tier, and the provider events applied. */
export class KycStore {
  async checks(db: Executor, userId: string): Promise<CheckRow[]> {
    return db.selectFrom('kyc_checks').selectAll().where('user_id', '=', userId).orderBy('tier').execute();
  }

  /** A check started (or started again): its applicant and level, `started` unless it is approved already. */
  async started(db: Executor, check: { userId: string; tier: number; provider: string; applicantId: string; level: string }, now: string): Promise<void> {
    await db
      .insertInto('kyc_checks')
      .values({ user_id: check.userId, tier: check.tier, provider: check.provider, applicant_id: check.applicantId, level: check.level, status: 'started', event_at: null, updated_at: now })
      .onConflict((conflict) =>
        conflict.columns(['user_id', 'tier']).doUpdateSet((eb) => ({
          applicant_id: check.applicantId,
          level: check.level,
          status: eb.case().when('kyc_checks.status', '=', 'approved').then('approved').else('started').end(),
          updated_at: now,
        })),
      )
      .execute();
  }

  /** The person's check at this level with this applicant, locked for the rest of the event's transaction. */
  async lockCheck(trx: Transaction<Database>, userId: string, level: string, applicantId: string): Promise<CheckRow | undefined> {
    await trx.updateTable('kyc_checks').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('user_id', '=', userId).where('level', '=', level).execute();
    return trx.selectFrom('kyc_checks').selectAll().where('user_id', '=', userId).where('level', '=', level).where('applicant_id', '=', applicantId).executeTakeFirst();
  }

  async setStatus(db: Executor, userId: string, tier: number, status: CheckStatus, eventAt: string, now: string): Promise<void> {
    await db.updateTable('kyc_checks').set({ status, event_at: eventAt, updated_at: now }).where('user_id', '=', userId).where('tier', '=', tier).execute();
  }

  /** Marks a provider event applied; false when it was before. */
  async markEvent(trx: Transaction<Database>, provider: string, key: string, now: string): Promise<boolean> {
    const result = await trx
      .insertInto('kyc_events')
      .values({ provider, event_key: key, received_at: now })
      .onConflict((conflict) => conflict.columns(['provider', 'event_key']).doNothing())
      .executeTakeFirst();
    return result.numInsertedOrUpdatedRows !== 0n;
  }
}
