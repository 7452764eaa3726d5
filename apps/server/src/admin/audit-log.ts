import type { AuditEntry } from '@guandan/protocol';
import type { Db } from '../platform/db/database.js';
import { transactionOf, type UnitOfWork } from '../platform/db/unit-of-work.js';
import { type AuditExportFormat, exportHeader, exportLine } from './audit-export.js';
import { type AuditFilter, type AuditRow, AuditStore } from './audit-store.js';

/** Who did it: an operator, or the command line (no account). */
export interface Actor {
  userId: string | null;
  name: string;
}

/** Current names by user id (the users domain's). */
export type Usernames = (userIds: readonly string[]) => Promise<Map<string, string>>;

/** An operator as the audit log names them: by their name at the time (their id if the account is gone). */
export async function actorOf(usernames: Usernames, userId: string): Promise<Actor & { userId: string }> {
  return { userId, name: (await usernames([userId])).get(userId) ?? userId };
}

export interface AuditRecord {
  actor: Actor;
  /** What was done, `area.verb`: `user.ban`, `coins.correct`, `role.set`. */
  action: string;
  targetType: string;
  targetId: string;
  reason: string;
  before: unknown;
  after: unknown;
  /** When it was done, if not now (an action audited from its event after the fact). */
  at?: string;
}

const EXPORT_BATCH = 1_000;

/**
 * The audit log: every operator action with who, what, when, why and the state before and after, written in the
 * same unit of work as the action itself, so neither is kept without the other.
 */
export class AuditLog {
  private readonly store: AuditStore;

  constructor(db: Db) {
    this.store = new AuditStore(db);
  }

  async record(work: UnitOfWork, record: AuditRecord): Promise<void> {
    await this.store.append(
      {
        at: record.at ?? new Date().toISOString(),
        actor_id: record.actor.userId,
        actor_name: record.actor.name,
        action: record.action,
        target_type: record.targetType,
        target_id: record.targetId,
        reason: record.reason,
        before: record.before === undefined ? null : JSON.stringify(record.before),
        after: record.after === undefined ? null : JSON.stringify(record.after),
      },
      transactionOf(work),
    );
  }

  async page(filter: AuditFilter, page: number, perPage: number): Promise<{ items: AuditEntry[]; total: number }> {
    const { rows, total } = await this.store.page(filter, (page - 1) * perPage, perPage);
    return { items: rows.map(toEntry), total };
  }

  /** The whole log (or what matches), oldest first, as the lines of a file; read in batches as it is sent. */
  async *export(filter: AuditFilter, format: AuditExportFormat): AsyncGenerator<string> {
    yield exportHeader(format);
    for (let afterId = 0; ; ) {
      const rows = await this.store.batchAfter(filter, afterId, EXPORT_BATCH);
      if (rows.length === 0) return;
      yield rows.map((row) => exportLine(toEntry(row), format)).join('');
      afterId = rows[rows.length - 1].id;
    }
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    audit_id: row.id,
    at: row.at,
    actor_id: row.actor_id,
    actor_name: row.actor_name,
    action: row.action,
    target_type: row.target_type,
    target_id: row.target_id,
    reason: row.reason,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  };
}
