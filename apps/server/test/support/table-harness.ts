import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BotLevel } from '@guandan/bots';
import type { Rules } from '@guandan/engine';
import { type AnyServerMessage, readStateDelta, type ServerMessage, type ServerMessageType } from '@guandan/protocol';
import type { Kysely } from 'kysely';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { unitOfWork } from '../../src/platform/db/unit-of-work.js';
import type { Database } from '../../src/platform/db/schema.js';
import { Metrics } from '../../src/platform/metrics.js';
import type { FinishedGame } from '../../src/records/finished-game.js';
import { SqlTableRepository } from '../../src/tables/sql-table-repository.js';
import type { UserOutbound } from '../../src/platform/user-outbound.js';
import { SOLE_HOST } from '../../src/tables/table-ports.js';
import { TableService } from '../../src/tables/table-service.js';
import { FakeClock } from './fake-clock.js';

/** Where the harness's clock starts: a fixed instant, so every run sees the same times. */
export const START = Date.UTC(2026, 11, 1, 12, 0, 0);

/**
 * Who is online, and every message each user was sent, in order: `wire` as sent, `received` as a client reads them
 * (a view sent as what changed is applied to the last view, as the SDK does, and must fit it).
 */
export class RecordingOutbound implements UserOutbound {
  readonly online = new Set<string>();
  readonly wire = new Map<string, AnyServerMessage[]>();
  readonly received = new Map<string, AnyServerMessage[]>();

  sendToUser = (userId: string, message: AnyServerMessage): void => {
    // A copy through JSON, as a socket would carry it: nothing the server keeps is shared with the reader.
    const sent = JSON.parse(JSON.stringify(message)) as AnyServerMessage;
    this.wire.set(userId, [...(this.wire.get(userId) ?? []), sent]);
    const list = this.received.get(userId) ?? [];
    list.push(...(sent.type === 'GAME_STATE_DELTA' ? this.read(userId, sent) : [sent]));
    this.received.set(userId, list);
  };

  sendToUsers = (userIds: readonly string[], message: AnyServerMessage): void => {
    for (const userId of userIds) this.sendToUser(userId, message);
  };

  private read(userId: string, delta: ServerMessage<'GAME_STATE_DELTA'>): AnyServerMessage[] {
    const last = this.of(userId, 'GAME_STATE_UPDATE').at(-1);
    if (last === undefined || last.seq !== delta.payload.base) throw new Error(`a delta for ${userId} at ${delta.seq} against ${delta.payload.base}, but the last view was at ${last?.seq}`);
    return readStateDelta(last, delta);
  }

  isOnline = (userId: string): boolean => this.online.has(userId);

  of<T extends ServerMessageType>(userId: string, type: T): ServerMessage<T>[] {
    return (this.received.get(userId) ?? []).filter((message) => message.type === type) as unknown as ServerMessage<T>[];
  }

  lastState(userId: string): ServerMessage<'GAME_STATE_UPDATE'> {
    const states = this.of(userId, 'GAME_STATE_UPDATE');
    const last = states.at(-1);
    if (last === undefined) throw new Error(`${userId} has no view yet`);
    return last;
  }
}

export interface SeatSpec {
  userId?: string;
  botLevel?: BotLevel;
}

/**
 * The tables domain on its own: a TableService over a real SQLite file, a clock the test moves, and recording ports
 * for the other domains (rooms, records, delivery). No server, no sockets, no waiting.
 */
export class TableHarness {
  readonly outbound = new RecordingOutbound();
  readonly finished: FinishedGame[] = [];
  readonly quits: { roomId: string; userId: string }[] = [];
  readonly clock: FakeClock;
  tables: TableService;

  private constructor(
    readonly db: Kysely<Database>,
    private readonly dir: string,
    readonly env: Record<string, string>,
  ) {
    this.clock = new FakeClock(START, () => this.tables.settled());
    this.tables = this.newService();
  }

  static async start(env: Record<string, string> = {}): Promise<TableHarness> {
    const dir = mkdtempSync(join(tmpdir(), 'table-harness-'));
    const db = await openDatabase({ kind: 'sqlite', file: join(dir, 'tables.sqlite') });
    return new TableHarness(db, dir, { BOT_DELAY_MS: '800', DEAL_BREAK_MS: '6000', DISCONNECT_GRACE_MS: '5000', ...env });
  }

  /** A TableService as a restarted node makes it: same database and clock, nothing in memory. */
  newService(): TableService {
    return new TableService({
      repository: new SqlTableRepository(this.db),
      config: loadConfig({ JWT_SECRET: 'x'.repeat(32), ...this.env }),
      clock: this.clock,
      metrics: new Metrics(),
      outbound: this.outbound,
      rooms: {
        gameFinished: async () => undefined,
        memberQuit: async (_trx, roomId, userId) => void this.quits.push({ roomId, userId }),
      },
      records: { recordFinishedGame: async (_trx, game) => void this.finished.push(game), kick: () => undefined },
      hosting: SOLE_HOST,
      log: { error: (object, message) => console.error(message, object) },
    });
  }

  /** Deals a table for these seats (a person by user id, online; a bot by level) and opens it. */
  async table(seats: SeatSpec[], rules: Partial<Rules> = {}): Promise<string> {
    const gameId = crypto.randomUUID();
    for (const seat of seats) if (seat.userId !== undefined) this.outbound.online.add(seat.userId);
    await this.db.transaction().execute((trx) =>
      this.tables.create(unitOfWork(trx), {
        gameId,
        roomId: `room-${gameId}`,
        gameMode: 'custom',
        baseBet: 10,
        rules,
        replacementLevel: 'normal',
        seats: seats.map((seat, index) => ({ userId: seat.userId ?? null, username: seat.userId ?? `bot${index}`, botLevel: seat.botLevel ?? null })),
      }),
    );
    await this.tables.open(gameId);
    return gameId;
  }

  async close(): Promise<void> {
    await this.tables.stop();
    await this.db.destroy();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
