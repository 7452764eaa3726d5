import type { AdminTable, AdminTableSummary } from '@guandan/protocol';
import type { SqlTableRepository } from './sql-table-repository.js';
import { tableInspection, tableSummary } from './table-inspection.js';
import type { TableService } from './table-service.js';

/** The tables as operators see them: every table playing, and any one with every hand. */
export class TableInspector {
  constructor(
    private readonly repository: Pick<SqlTableRepository, 'playingTables'>,
    private readonly tables: Pick<TableService, 'inspect'>,
  ) {}

  async playing(): Promise<AdminTableSummary[]> {
    const now = Date.now();
    return (await this.repository.playingTables()).map((table) => tableSummary(table.snapshot, table, now));
  }

  /** Undefined when there is no such table. */
  async inspect(gameId: string): Promise<AdminTable | undefined> {
    const found = await this.tables.inspect(gameId);
    return found === undefined ? undefined : tableInspection(found.table, found, Date.now());
  }
}
