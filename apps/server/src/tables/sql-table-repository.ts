import type { Action } from '@guandan/engine';
import { type ChatLine, type ChatPayload, ProtocolError } from '@guandan/protocol';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { nowIso } from '../platform/db/database.js';
import { inListChunks } from '../platform/db/in-list.js';
import { executorOf, type UnitOfWork, unitOfWork } from '../platform/db/unit-of-work.js';
import type { Database, TableEventsTable } from '../platform/db/schema.js';
import type { TableSnapshot } from './snapshot.js';
import type { TableEvent } from './table-reducer.js';
import type { LoadedTable, TableRepository, TableWrite } from './table-repository.js';


interface Waiting {
  write: TableWrite;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Tables in SQL (SQLite or PostgreSQL). Events of many tables that arrive in the same turn of the event loop are
 * committed together in one transaction (one commit instead of one per action); each table's write in it stands or
 * falls alone: a table whose next seq another node has taken gets CONFLICT, the others commit. The two statements of
 * the hot path are compiled once and run as prepared text.
 */
export class SqlTableRepository implements TableRepository {
  private waiting: Waiting[] = [];
  private readonly insertEvent: string;
  private readonly updateSnapshot: string;

  constructor(private readonly db: Kysely<Database>) {
    const event: TableEventsTable = { table_id: '', seq: 0, kind: '', payload: '', action: '', actor_user_id: '', client_msg_id: '', created_at: '' };
    this.insertEvent = db.insertInto('table_events').values(event).onConflict((conflict) => conflict.doNothing()).compile().sql;
    this.updateSnapshot = db
      .updateTable('game_tables')
      .set({ snapshot: '', snapshot_seq: 0, status: 'playing', updated_at: '' })
      .where('id', '=', '')
      .where('snapshot_seq', '<', 0)
      .compile().sql;
  }

  async insert(table: TableSnapshot, work?: UnitOfWork): Promise<void> {
    const now = nowIso();
    await executorOf(work, this.db)
      .insertInto('game_tables')
      .values({ id: table.gameId, room_id: table.roomId, snapshot_seq: 0, snapshot: JSON.stringify(table), status: 'playing', created_at: now, updated_at: now })
      .execute();
  }

  async load(gameId: string): Promise<LoadedTable | undefined> {
    const row = await this.db.selectFrom('game_tables').select(['snapshot', 'snapshot_seq', 'status']).where('id', '=', gameId).executeTakeFirst();
    if (row === undefined) return undefined;
    const events = await this.eventsAfter(gameId, row.snapshot_seq, Number.MAX_SAFE_INTEGER);
    return { snapshot: JSON.parse(row.snapshot) as TableSnapshot, snapshotSeq: row.snapshot_seq, status: row.status, events };
  }

  async playingIds(): Promise<string[]> {
    const rows = await this.db.selectFrom('game_tables').select('id').where('status', '=', 'playing').execute();
    return rows.map((row) => row.id);
  }

  append(write: TableWrite): Promise<void> {
    if (write.alsoInTransaction !== undefined) {
      const also = write.alsoInTransaction;
      return this.db.transaction().execute(async (trx) => {
        const refused = await this.writeTable(trx, write);
        if (refused !== null) throw refused;
        await also(unitOfWork(trx));
      });
    }
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => void this.commitWaiting());
      this.waiting.push({ write, resolve, reject });
    });
  }

  /** Commits every write that arrived since the last group, in one transaction. */
  private async commitWaiting(): Promise<void> {
    const group = this.waiting;
    this.waiting = [];
    const refusals = new Map<Waiting, ProtocolError>();
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const waiting of group) {
          const refused = await this.writeTable(trx, waiting.write);
          if (refused !== null) refusals.set(waiting, refused);
        }
      });
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
      return;
    }
    for (const waiting of group) {
      const refused = refusals.get(waiting);
      if (refused === undefined) waiting.resolve();
      else waiting.reject(refused);
    }
  }

  /** One table's part of a transaction; a refusal (its next seq is taken) writes nothing. */
  private async writeTable(trx: Transaction<Database>, write: TableWrite): Promise<ProtocolError | null> {
    for (const [index, event] of write.events.entries()) {
      const result = await trx.executeQuery(
        CompiledQuery.raw(this.insertEvent, [
          write.gameId,
          event.seq,
          event.kind,
          JSON.stringify(event.payload),
          event.action === null ? null : JSON.stringify(event.action),
          event.actorUserId,
          event.clientMsgId,
          new Date(event.at).toISOString(),
        ]),
      );
      if (result.numAffectedRows === 1n) continue;
      const conflict = new ProtocolError('CONFLICT', `table ${write.gameId} already has an event ${event.seq}`);
      // Only the first event can meet another writer's; a later one means this group must not commit at all.
      if (index === 0) return conflict;
      throw conflict;
    }
    const last = write.events.at(-1);
    if (write.snapshot !== undefined && last !== undefined) {
      const { table, status } = write.snapshot;
      await trx.executeQuery(CompiledQuery.raw(this.updateSnapshot, [JSON.stringify(table), last.seq, status, nowIso(), write.gameId, last.seq]));
    }
    return null;
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

  async actions(gameId: string, work?: UnitOfWork): Promise<Action[]> {
    const rows = await executorOf(work, this.db)
      .selectFrom('table_events')
      .select('action')
      .where('table_id', '=', gameId)
      .where('action', 'is not', null)
      .orderBy('seq')
      .execute();
    return rows.map((row) => JSON.parse(row.action as string) as Action);
  }

  /** Every table still playing: its last snapshot and where its log stands (for the operators' list). */
  async playingTables(): Promise<{ snapshot: TableSnapshot; events: number; lastEventAt: string | null }[]> {
    const rows = await this.db
      .selectFrom('game_tables')
      .leftJoin(
        (eb) => eb.selectFrom('table_events').select((inner) => ['table_id', inner.fn.max('seq').as('events'), inner.fn.max('created_at').as('last_event_at')]).groupBy('table_id').as('log'),
        (join) => join.onRef('log.table_id', '=', 'game_tables.id'),
      )
      .select(['game_tables.snapshot', 'log.events', 'log.last_event_at'])
      .where('game_tables.status', '=', 'playing')
      .orderBy('game_tables.created_at')
      .execute();
    return rows.map((row) => ({ snapshot: JSON.parse(row.snapshot) as TableSnapshot, events: Number(row.events ?? 0), lastEventAt: row.last_event_at ?? null }));
  }

  /**
   * How long each action of each game took the seat that chose it, by action index: the time since the event before
   * it. Null for what nobody chose in the moment (a bot's move, the server playing for a seat that timed out or is in
   * 托管, an engine step).
   */
  async decisionTimes(gameIds: readonly string[]): Promise<Map<string, (number | null)[]>> {
    const times = new Map<string, (number | null)[]>(gameIds.map((gameId) => [gameId, []]));
    for (const chunk of inListChunks(gameIds)) {
      const rows = await this.db
        .selectFrom('table_events')
        .select(['table_id', 'kind', 'payload', 'action', 'actor_user_id', 'created_at'])
        .where('table_id', 'in', chunk)
        .where('kind', '!=', 'CHAT_MESSAGE')
        .orderBy('table_id')
        .orderBy('seq')
        .execute();
      let previous: { tableId: string; at: number } | null = null;
      for (const row of rows) {
        const at = Date.parse(row.created_at);
        if (row.action !== null) {
          const chosen = row.actor_user_id !== null && (JSON.parse(row.payload) as { auto?: boolean }).auto !== true;
          const since = previous !== null && previous.tableId === row.table_id ? at - previous.at : null;
          times.get(row.table_id)?.push(chosen ? since : null);
        }
        previous = { tableId: row.table_id, at };
      }
    }
    return times;
  }

  /** The table's chat, in order: evidence for a report (moderation reads it through `ChatLog`). */
  async chatLines(gameId: string): Promise<ChatLine[]> {
    const rows = await this.db
      .selectFrom('table_events')
      .select(['seq', 'payload', 'actor_user_id', 'created_at'])
      .where('table_id', '=', gameId)
      .where('kind', '=', 'CHAT_MESSAGE')
      .orderBy('seq')
      .execute();
    return rows.map((row) => {
      const chat = JSON.parse(row.payload) as ChatPayload;
      return { seq: row.seq, user_id: row.actor_user_id, username: chat.username, text: chat.text ?? null, emoji: chat.emoji ?? null, at: row.created_at };
    });
  }
}

/** A row of the log as the event it was written from (the table wrote every row itself, so the shapes hold). */
function toEvent(row: TableEventsTable): TableEvent {
  return {
    seq: row.seq,
    kind: row.kind,
    payload: JSON.parse(row.payload) as unknown,
    action: row.action === null ? null : (JSON.parse(row.action) as Action),
    actorUserId: row.actor_user_id,
    clientMsgId: row.client_msg_id,
    at: Date.parse(row.created_at),
  } as TableEvent;
}
