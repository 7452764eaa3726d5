import type { Insertable, Selectable } from 'kysely';
import type { Db, Executor } from '../platform/db/database.js';
import type { AuditLogTable } from '../platform/db/schema.js';

export type AuditRow = Selectable<AuditLogTable>;

export interface AuditFilter {
  actorId?: string;
  targetId?: string;
  action?: string;
}

/** The `audit_log` rows: appended, read, never changed (the database refuses updates and deletes). */
export class AuditStore {
  constructor(private readonly db: Db) {}

  async append(row: Insertable<AuditLogTable>, executor: Executor): Promise<void> {
    await executor.insertInto('audit_log').values(row).execute();
  }

  /** A page of entries, newest first, with how many match in all. */
  async page(filter: AuditFilter, offset: number, limit: number): Promise<{ rows: AuditRow[]; total: number }> {
    const query = this.filtered(filter);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute(),
      query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.total) };
  }

  /** Entries after `afterId` in the order they were written, a batch at a time (an export reads the log in batches). */
  async batchAfter(filter: AuditFilter, afterId: number, limit: number): Promise<AuditRow[]> {
    return this.filtered(filter).selectAll().where('id', '>', afterId).orderBy('id', 'asc').limit(limit).execute();
  }

  private filtered(filter: AuditFilter) {
    let query = this.db.selectFrom('audit_log');
    if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
    if (filter.targetId !== undefined) query = query.where('target_id', '=', filter.targetId);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    return query;
  }
}
