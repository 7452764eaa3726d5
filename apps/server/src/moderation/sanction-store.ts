import type { Selectable } from 'kysely';
import type { Db, Executor } from '../platform/db/database.js';
import type { SanctionsTable } from '../platform/db/schema.js';

export type SanctionRow = Selectable<SanctionsTable>;

/** The `sanctions` rows: imposed and lifted, never deleted. Pass a transaction to write with a larger change. */
export class SanctionStore {
  constructor(private readonly db: Db) {}

  async insert(row: SanctionRow, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('sanctions').values(row).execute();
  }

  async find(sanctionId: string, executor: Executor = this.db): Promise<SanctionRow | undefined> {
    return executor.selectFrom('sanctions').selectAll().where('id', '=', sanctionId).executeTakeFirst();
  }

  /** False when it was lifted already. */
  async lift(sanctionId: string, lift: { at: string; by: string | null; reason: string }, executor: Executor = this.db): Promise<boolean> {
    const result = await executor
      .updateTable('sanctions')
      .set({ lifted_at: lift.at, lifted_by: lift.by, lift_reason: lift.reason })
      .where('id', '=', sanctionId)
      .where('lifted_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** The user's sanctions, newest first. */
  async ofUser(userId: string): Promise<SanctionRow[]> {
    return this.db.selectFrom('sanctions').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  }

  /** Sanctions in force at `now` of the given users (all users when `userIds` is undefined) and kinds. */
  async inForce(now: string, filter: { userIds?: readonly string[]; kinds?: readonly string[] }, executor: Executor = this.db): Promise<SanctionRow[]> {
    if (filter.userIds?.length === 0 || filter.kinds?.length === 0) return [];
    let query = executor
      .selectFrom('sanctions')
      .selectAll()
      .where('lifted_at', 'is', null)
      .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]));
    if (filter.userIds !== undefined) query = query.where('user_id', 'in', [...filter.userIds]);
    if (filter.kinds !== undefined) query = query.where('kind', 'in', [...filter.kinds]);
    return query.execute();
  }
}
