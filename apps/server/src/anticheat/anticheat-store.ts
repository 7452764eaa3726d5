import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { AnticheatRunsTable } from '../platform/db/schema.js';

export type RunRow = Selectable<AnticheatRunsTable>;

/** The `anticheat_runs` rows. */
export class AnticheatStore {
  constructor(private readonly db: Db) {}

  async insert(row: RunRow): Promise<void> {
    await this.db.insertInto('anticheat_runs').values(row).execute();
  }

  async finish(runId: string, result: Pick<RunRow, 'finished_at' | 'games' | 'accounts' | 'signals' | 'cases_opened' | 'error'>): Promise<void> {
    await this.db.updateTable('anticheat_runs').set(result).where('id', '=', runId).execute();
  }

  async latest(limit: number): Promise<RunRow[]> {
    return this.db.selectFrom('anticheat_runs').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
  }
}
