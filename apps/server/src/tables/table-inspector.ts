import type { AdminTable, AdminTableSummary } from '@guandan/protocol';
import type { SqlTableRepository } from './sql-table-repository.js';
import { tableInspection, tableSummary } from './table-inspection.js';
import type { TableService } from './table-service.js';

/** The server running each of these tables, or null for one no server runs (TableHosting.hostsOf). */
export type TableHosts = (gameIds: readonly string[]) => Promise<Map<string, string | null>>;

/** The tables as operators see them: every table playing, and any one with every hand, each with its server. */
export class TableInspector {
  constructor(
    private readonly repository: Pick<SqlTableRepository, 'playingTables'>,
    private readonly tables: Pick<TableService, 'inspect'>,
    private readonly hostsOf: TableHosts,
  ) {}

  async playing(): Promise<AdminTableSummary[]> {
    const now = Date.now();
    const tables = await this.repository.playingTables();
    const hosts = await this.hostsOf(tables.map((table) => table.snapshot.gameId));
    return tables.map((table) => tableSummary(table.snapshot, table, hosts.get(table.snapshot.gameId) ?? null, now));
  }

  /** Undefined when there is no such table. */
  async inspect(gameId: string): Promise<AdminTable | undefined> {
    const found = await this.tables.inspect(gameId);
    if (found === undefined) return undefined;
    const hosts = await this.hostsOf([gameId]);
    return tableInspection(found.table, found, hosts.get(gameId) ?? null, Date.now());
  }
}
