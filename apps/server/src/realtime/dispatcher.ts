import { randomUUID } from 'node:crypto';
import { EngineError } from '@guandan/engine';
import { type AnyServerMessage, type ClientMessage, type ErrorCode, type GameRoom, parseClientMessage, ProtocolError, serverMessage, type ServerMessageType, type ServerPayloads } from '@guandan/protocol';
import type { Metrics } from '../platform/metrics.js';
import type { Room } from '../rooms/index.js';
import type { Move } from '../tables/index.js';
import type { TablePort } from '../tables/index.js';
import type { Connection } from './connection.js';
import { KeyedRateLimit } from './keyed-rate-limit.js';
import { ReplyCache } from './reply-cache.js';

/** After this many rate-limited messages in a row the socket is closed (policy violation). */
const MAX_STRIKES = 20;
/** Replies remembered per user for retries, and over every user of this node. */
const REPLIES_PER_USER = 256;
const REPLIES_IN_ALL = 50_000;

/** What a person may do to their room over the socket. */
export interface RoomActions {
  get(roomId: string): Promise<Room>;
  current(userId: string): Promise<Room>;
  setReady(userId: string, ready: boolean): Promise<Room>;
  leave(userId: string, roomId: string): Promise<void>;
  /** The room as this person is shown it. */
  view(room: Room, viewerId: string): GameRoom;
}

/**
 * Handles each client message: rate limit, schema, idempotency by message id, then the room or table service.
 * Every refusal is an `ERROR {code, message, inReplyTo}` on this connection; nothing is half applied.
 */
export class Dispatcher {
  private readonly replies: ReplyCache;
  /** The limit of each user on this node: the whole limit on one process, the fallback on a cluster. */
  private readonly localLimit: KeyedRateLimit;

  constructor(
    private readonly deps: {
      rooms: RoomActions;
      tables: TablePort;
      /** MUTED while an operator's mute is in force on the user: no chat lines and no emoji at the table. */
      refuseMuted: (userId: string) => Promise<void>;
      metrics: Metrics;
      log: { error(object: unknown, message: string): void };
      limits: { perSecond: number; burst: number; replyGraceMs: number };
      /** The user's bucket shared by every node of a cluster; without one, the user's bucket on this node. */
      sharedLimit?: (userId: string) => Promise<boolean>;
    },
  ) {
    const { perSecond, burst, replyGraceMs } = deps.limits;
    this.localLimit = new KeyedRateLimit(perSecond, burst);
    this.replies = new ReplyCache({ perUser: REPLIES_PER_USER, total: REPLIES_IN_ALL, graceMs: replyGraceMs }, (entries) => deps.metrics.replyEntries.set(entries));
  }

  /** The user's last socket on this node closed: their remembered replies go after a grace period. */
  userLeft(userId: string): void {
    this.replies.userLeft(userId);
  }

  /** The user opened a socket on this node (again). */
  userArrived(userId: string): void {
    this.replies.userBack(userId);
  }

  stop(): void {
    this.replies.clear();
  }

  async handle(connection: Connection, raw: string): Promise<void> {
    if (!(await this.allowed(connection))) {
      connection.strikes++;
      this.refuse(connection, null, 'RATE_LIMITED', 'too many messages: slow down');
      if (connection.strikes >= MAX_STRIKES) connection.socket.close(1008, 'rate limit');
      return;
    }
    connection.strikes = 0;
    const parsed = parseClientMessage(raw);
    if (!parsed.ok) {
      this.refuse(connection, parsed.id, 'BAD_MESSAGE', parsed.message);
      return;
    }
    const message = parsed.message;
    if (message.type === 'PING') {
      connection.send(this.direct('PONG', { serverTime: Date.now() }, connection));
      return;
    }
    const earlier = this.replies.get(connection.userId, message.id);
    if (earlier !== undefined && !isTableAction(message)) {
      for (const reply of earlier) connection.send(reply);
      return;
    }
    const started = process.hrtime.bigint();
    try {
      const replies = await this.apply(connection, message);
      for (const reply of replies) connection.send(reply);
      this.replies.remember(connection.userId, message.id, replies);
      if (isTableAction(message)) this.deps.metrics.actionLatency.observe(Number(process.hrtime.bigint() - started) / 1e9);
    } catch (error) {
      const { code, text } = describe(error);
      if (code === 'INTERNAL') this.deps.log.error({ err: error, userId: connection.userId, type: message.type }, 'realtime message failed');
      const reply = this.refuse(connection, message.id, code, text);
      this.replies.remember(connection.userId, message.id, [reply]);
    }
  }

  /**
   * One limit per user, however many sockets they hold: the cluster's shared bucket, or this node's bucket of the
   * user when there is none or Redis cannot answer.
   */
  private async allowed(connection: Connection): Promise<boolean> {
    if (this.deps.sharedLimit === undefined) return this.localLimit.take(connection.userId);
    try {
      return await this.deps.sharedLimit(connection.userId);
    } catch {
      return this.localLimit.take(connection.userId);
    }
  }

  /** Applies a message; the direct replies to this connection (broadcasts go out from the services). */
  private async apply(connection: Connection, message: ClientMessage): Promise<AnyServerMessage[]> {
    const { rooms, tables } = this.deps;
    const userId = connection.userId;
    const act = (move: Move): Promise<AnyServerMessage[]> => tables.run({ op: 'act', userId, clientMsgId: message.id, move }).then(() => []);
    switch (message.type) {
      case 'PLAY_CARDS': {
        const { cards, reading } = message.payload;
        return act({ kind: 'play', cards, ...(reading === undefined ? {} : { reading }) });
      }
      case 'PASS':
        return act({ kind: 'pass' });
      case 'TRIBUTE':
        return act({ kind: 'tribute', card: message.payload.card });
      case 'RETURN_TRIBUTE':
        return act({ kind: 'return', card: message.payload.card });
      case 'AUTO_PLAY':
        await tables.run({ op: 'autoPlay', userId, on: message.payload.on });
        return [];
      case 'SEND_MESSAGE':
        await this.deps.refuseMuted(userId);
        await tables.run({ op: 'chat', userId, clientMsgId: message.id, content: { text: message.payload.text } });
        return [];
      case 'SEND_EMOJI':
        await this.deps.refuseMuted(userId);
        await tables.run({ op: 'chat', userId, clientMsgId: message.id, content: { emoji: message.payload.emoji } });
        return [];
      case 'READY': {
        const room = await rooms.setReady(userId, message.payload.ready);
        return [this.direct('ROOM_UPDATE', { roomId: room.id, room: rooms.view(room, userId) }, connection)];
      }
      case 'QUIT': {
        const room = await rooms.current(userId);
        await rooms.leave(userId, room.id);
        return [];
      }
      case 'RESUME': {
        const room = await rooms.get(message.payload.roomId);
        if (!room.seats.some((seat) => seat.userId === userId)) throw new ProtocolError('NOT_IN_ROOM', 'you are not in this room');
        if (room.gameId === null) return [this.direct('ROOM_UPDATE', { roomId: room.id, room: rooms.view(room, userId) }, connection)];
        return tables.resumeMessages(userId, room.gameId, message.payload.lastSeq);
      }
      case 'PING':
        return [this.direct('PONG', { serverTime: Date.now() }, connection)];
    }
  }

  private refuse(connection: Connection, inReplyTo: string | null, code: ErrorCode, text: string): AnyServerMessage {
    this.deps.metrics.errors.inc({ code });
    const reply = this.direct('ERROR', { code, message: text, inReplyTo }, connection);
    connection.send(reply);
    return reply;
  }

  private direct<T extends ServerMessageType>(type: T, payload: ServerPayloads[T], connection: Connection): AnyServerMessage {
    return serverMessage(type, payload, { seq: connection.lastSeq, messageId: randomUUID() }) as AnyServerMessage;
  }
}

/** Messages the table's own log deduplicates (it survives restarts), so they always go to the table service. */
function isTableAction(message: ClientMessage): boolean {
  return ['PLAY_CARDS', 'PASS', 'TRIBUTE', 'RETURN_TRIBUTE', 'SEND_MESSAGE', 'SEND_EMOJI'].includes(message.type);
}

function describe(error: unknown): { code: ErrorCode; text: string } {
  if (error instanceof ProtocolError || error instanceof EngineError) return { code: error.code, text: error.message };
  return { code: 'INTERNAL', text: 'internal error' };
}
