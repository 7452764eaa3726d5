import type { Selectable } from 'kysely';
import type { Db, Executor } from '../platform/db/database.js';
import type { ModerationCasesTable } from '../platform/db/schema.js';

export type CaseRow = Selectable<ModerationCasesTable>;

export interface CaseFilter {
  status?: string;
  source?: string;
  subjectId?: string;
}

/** The moderation queue's rows and the accounts each case is about. */
export class CaseStore {
  constructor(private readonly db: Db) {}

  /** False when a case with the same dedupe key exists (the signal was raised before). */
  async insert(row: CaseRow, subjectIds: readonly string[]): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('moderation_cases')
        .values(row)
        .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted === undefined) return false;
      // A case may name no account yet (an address screened before its account exists).
      if (subjectIds.length > 0) {
        await trx
          .insertInto('case_subjects')
          .values([...new Set(subjectIds)].map((userId) => ({ case_id: row.id, user_id: userId })))
          .execute();
      }
      return true;
    });
  }

  async find(caseId: string, executor: Executor = this.db): Promise<CaseRow | undefined> {
    return executor.selectFrom('moderation_cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  }

  /** A page of cases, oldest open first when filtered by status, else newest first; with how many match. */
  async page(filter: CaseFilter, offset: number, limit: number): Promise<{ rows: CaseRow[]; total: number }> {
    let query = this.db.selectFrom('moderation_cases');
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.source !== undefined) query = query.where('source', '=', filter.source);
    if (filter.subjectId !== undefined) {
      const subjectId = filter.subjectId;
      query = query.where('id', 'in', (eb) => eb.selectFrom('case_subjects').select('case_id').where('user_id', '=', subjectId));
    }
    const order = filter.status === 'open' ? 'asc' : 'desc';
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('created_at', order).orderBy('id', order).offset(offset).limit(limit).execute(),
      query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.total) };
  }

  async subjectsOf(caseIds: readonly string[], executor: Executor = this.db): Promise<Map<string, string[]>> {
    const subjects = new Map<string, string[]>(caseIds.map((caseId) => [caseId, []]));
    if (caseIds.length === 0) return subjects;
    const rows = await executor.selectFrom('case_subjects').select(['case_id', 'user_id']).where('case_id', 'in', [...caseIds]).orderBy('user_id').execute();
    for (const row of rows) subjects.get(row.case_id)?.push(row.user_id);
    return subjects;
  }

  /** An open report by this reporter about this player in this game (or outside any game), if any. */
  async openReport(reporterId: string, subjectId: string, gameId: string | null): Promise<CaseRow | undefined> {
    let query = this.db
      .selectFrom('moderation_cases')
      .selectAll()
      .where('source', '=', 'report')
      .where('status', '=', 'open')
      .where('reporter_id', '=', reporterId)
      .where('id', 'in', (eb) => eb.selectFrom('case_subjects').select('case_id').where('user_id', '=', subjectId));
    query = gameId === null ? query.where('game_id', 'is', null) : query.where('game_id', '=', gameId);
    return query.executeTakeFirst();
  }

  async reportsSince(reporterId: string, since: string): Promise<number> {
    const row = await this.db
      .selectFrom('moderation_cases')
      .select((eb) => eb.fn.countAll<number | string>().as('reports'))
      .where('reporter_id', '=', reporterId)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.reports);
  }

  /** False when the case was no longer open. */
  async resolve(caseId: string, resolution: { status: string; outcome: string; by: string | null; at: string }, executor: Executor): Promise<boolean> {
    const result = await executor
      .updateTable('moderation_cases')
      .set({ status: resolution.status, outcome: resolution.outcome, resolved_by: resolution.by, resolved_at: resolution.at })
      .where('id', '=', caseId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
