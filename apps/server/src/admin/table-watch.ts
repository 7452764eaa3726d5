import { type AdminTable, type AdminTableEnded, type AdminTableSummary, ProtocolError } from '@guandan/protocol';
import type { Db } from '../platform/db/database.js';
import { inUnitOfWork } from '../platform/db/unit-of-work.js';
import type { TableEnding } from '../tables/index.js';
import type { Actor, AuditLog } from './audit-log.js';

export interface TablesView {
  playing(): Promise<AdminTableSummary[]>;
  inspect(gameId: string): Promise<AdminTable | undefined>;
  /** Ends a table before its match is over, wherever it runs (the tables domain's TablePort.end). */
  end(ending: TableEnding): Promise<void>;
}

export interface TableFilter {
  mode?: string;
  stuck?: boolean;
  userId?: string;
  node?: string;
  minAgeMinutes?: number;
}

/** One audit entry per operator and table in this long: the console reads a watched table every few seconds. */
const WATCH_AUDIT_EVERY_MS = 10 * 60_000;

/**
 * Live tables for operators. Watching shows every hand, so it is audited (once per operator and table every ten
 * minutes) and refused to an operator seated at the table. Ending a table is audited from the game's end
 * (table-ending-audit.ts).
 */
export class TableWatch {
  private readonly lastAudited = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly tables: TablesView,
    private readonly audit: AuditLog,
  ) {}

  async list(filter: TableFilter, page: number, perPage: number): Promise<{ items: AdminTableSummary[]; total: number }> {
    const startedBy = filter.minAgeMinutes === undefined ? undefined : Date.now() - filter.minAgeMinutes * 60_000;
    const matching = (await this.tables.playing()).filter(
      (table) =>
        (filter.mode === undefined || table.game_mode === filter.mode) &&
        (filter.stuck === undefined || table.stuck === filter.stuck) &&
        (filter.userId === undefined || table.seats.some((seat) => seat.user_id === filter.userId)) &&
        (filter.node === undefined || table.node === filter.node) &&
        (startedBy === undefined || Date.parse(table.started_at) <= startedBy),
    );
    return { items: matching.slice((page - 1) * perPage, page * perPage), total: matching.length };
  }

  async watch(actor: Actor & { userId: string }, gameId: string): Promise<AdminTable> {
    const table = await this.tables.inspect(gameId);
    if (table === undefined) throw new ProtocolError('NOT_FOUND', `no table ${gameId}`);
    if (table.seats.some((seat) => seat.user_id === actor.userId)) throw new ProtocolError('FORBIDDEN', 'you are seated at this table: another operator must watch it');
    const key = `${actor.userId} ${gameId}`;
    const now = Date.now();
    if (now - (this.lastAudited.get(key) ?? 0) > WATCH_AUDIT_EVERY_MS) {
      this.lastAudited.set(key, now);
      for (const [seen, at] of this.lastAudited) if (now - at > WATCH_AUDIT_EVERY_MS) this.lastAudited.delete(seen);
      await inUnitOfWork(this.db, (work) =>
        this.audit.record(work, { actor, action: 'table.watch', targetType: 'table', targetId: gameId, reason: 'watched a live table with every hand', before: null, after: { deal: table.deal, events: table.events } }),
      );
    }
    return table;
  }

  /**
   * Ends a stuck table: the completed deals count (coins, $PLAY, stats, boards), the deal in play is void, nobody
   * wins and no rating moves. Refused to an operator seated at it, like watching.
   */
  async end(actor: Actor & { userId: string }, gameId: string, reason: string): Promise<AdminTableEnded> {
    const table = await this.tables.inspect(gameId);
    if (table === undefined) throw new ProtocolError('NOT_FOUND', `no table ${gameId}`);
    if (table.seats.some((seat) => seat.user_id === actor.userId)) throw new ProtocolError('FORBIDDEN', 'you are seated at this table: another operator must end it');
    await this.tables.end({ op: 'end', gameId, operator: { userId: actor.userId, name: actor.name }, reason });
    const ended = await this.tables.inspect(gameId);
    if (ended === undefined) throw new ProtocolError('NOT_FOUND', `no table ${gameId}`);
    return { game_id: gameId, deals_completed: ended.deals_completed, levels: ended.levels, reason };
  }
}
