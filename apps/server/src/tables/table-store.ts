import type { Action } from '@guandan/engine';
import { ProtocolError } from '@guandan/protocol';
import type { Kysely, Transaction } from 'kysely';
import { nowIso } from '../platform/db/database.js';
import type { Database, TableEventsTable } from '../platform/db/schema.js';
import type { TableSnapshot } from './snapshot.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** One entry of a table's event log: what was broadcast, and the engine action behind it (for replays). */
export interface TableEvent {
  seq: number;
  kind: string;
  payload: unknown;
  action: Action | null;
  actorUserId: string | null;
  clientMsgId: string | null;
  createdAt: string;
}

function toEvent(row: TableEventsTable): TableEvent {
  return {
    seq: row.seq,
    kind: row.kind,
    payload: JSON.parse(row.payload) as unknown,
    action: row.action === null ? null : (JSON.parse(row.action) as Action),
    actorUserId: row.actor_user_id,
    clientMsgId: row.client_msg_id,
    createdAt: row.created_at,
  };
}

export interface StoredTable {
  snapshot: TableSnapshot;
  version: number;
  status: 'playing' | 'finished';
}

/** Tables: a versioned snapshot and an append-only event log, written together under compare-and-set. */
export class TableStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(db: Executor, snapshot: TableSnapshot): Promise<void> {
    const now = nowIso();
    await db
      .insertInto('game_tables')
      .values({ id: snapshot.gameId, room_id: snapshot.roomId, version: 0, snapshot: JSON.stringify(snapshot), status: 'playing', created_at: now, updated_at: now })
      .execute();
  }

  async load(gameId: string): Promise<StoredTable | undefined> {
    const row = await this.db.selectFrom('game_tables').select(['snapshot', 'version', 'status']).where('id', '=', gameId).executeTakeFirst();
    return row === undefined ? undefined : { snapshot: JSON.parse(row.snapshot) as TableSnapshot, version: row.version, status: row.status };
  }

  async playingIds(): Promise<string[]> {
    const rows = await this.db.selectFrom('game_tables').select('id').where('status', '=', 'playing').execute();
    return rows.map((row) => row.id);
  }

  /**
   * Appends one event and writes the snapshot it leads to, if the table is still at `version`; CONFLICT otherwise.
   * `alsoInTransaction` adds writes that must commit with it (a finished game's record and outbox event).
   */
  async append(
    gameId: string,
    version: number,
    event: Omit<TableEvent, 'seq' | 'createdAt'>,
    snapshot: TableSnapshot,
    status: 'playing' | 'finished',
    alsoInTransaction?: (trx: Transaction<Database>) => Promise<void>,
  ): Promise<TableEvent> {
    const seq = version + 1;
    const createdAt = nowIso();
    await this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('game_tables')
        .set({ version: seq, snapshot: JSON.stringify(snapshot), status, updated_at: createdAt })
        .where('id', '=', gameId)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new ProtocolError('CONFLICT', `table ${gameId} is no longer at version ${version}`);
      await trx
        .insertInto('table_events')
        .values({
          table_id: gameId,
          seq,
          kind: event.kind,
          payload: JSON.stringify(event.payload),
          action: event.action === null ? null : JSON.stringify(event.action),
          actor_user_id: event.actorUserId,
          client_msg_id: event.clientMsgId,
          created_at: createdAt,
        })
        .execute();
      await alsoInTransaction?.(trx);
    });
    return { ...event, seq, createdAt };
  }

  async eventsAfter(gameId: string, seq: number, limit: number): Promise<TableEvent[]> {
    const rows = await this.db
      .selectFrom('table_events')
      .selectAll()
      .where('table_id', '=', gameId)
      .where('seq', '>', seq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(toEvent);
  }

  /** Every client message a table's events answered, with the event's seq (for `AnsweredMessages`). */
  async clientMessages(gameId: string): Promise<{ userId: string; clientMsgId: string; seq: number }[]> {
    const rows = await this.db
      .selectFrom('table_events')
      .select(['actor_user_id', 'client_msg_id', 'seq'])
      .where('table_id', '=', gameId)
      .where('client_msg_id', 'is not', null)
      .where('actor_user_id', 'is not', null)
      .execute();
    return rows.map((row) => ({ userId: row.actor_user_id as string, clientMsgId: row.client_msg_id as string, seq: row.seq }));
  }

  /** Every engine action of a table in order, for its record and replay. */
  async actions(gameId: string, db: Executor = this.db): Promise<Action[]> {
    const rows = await db
      .selectFrom('table_events')
      .select('action')
      .where('table_id', '=', gameId)
      .where('action', 'is not', null)
      .orderBy('seq')
      .execute();
    return rows.map((row) => JSON.parse(row.action as string) as Action);
  }
}
