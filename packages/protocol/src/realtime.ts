import type { Card, MatchEvent, Play, Seat, SeatView } from '@guandan/engine';
import { z } from 'zod';
import { ChatTextSchema } from './chat-text.js';
import { CardSchema, CardsSchema, ReadingSchema, UuidSchema } from './common.js';
import type { ErrorCode } from './errors.js';
import type { GameRoom } from './rest.js';
import type { RewardEarnedPayload } from './economy.js';
import type { PurchaseCompletedPayload } from './payments.js';

/**
 * The close sent to an account's oldest socket when it opens one more than the server allows: another device or tab
 * took its place, so a client should not reconnect on its own.
 */
export const TOO_MANY_CONNECTIONS = { code: 4009, reason: 'too many connections' } as const;

/**
 * The close code of a socket whose session an operator ended: the account was banned or suspended, or signed out
 * everywhere. The reason is the error code (`ACCOUNT_BANNED`, `ACCOUNT_SUSPENDED`, `SIGNED_OUT`); a client should
 * not reconnect with the same session.
 */
export const SESSION_ENDED_CLOSE_CODE = 4003;
export type SessionEndReason = 'ACCOUNT_BANNED' | 'ACCOUNT_SUSPENDED' | 'SIGNED_OUT';

/** The emoji a player may send at the table (a fixed set, so nothing arbitrary is broadcast). */
export const EMOJIS = ['👍', '👏', '😂', '😮', '😢', '😡', '🤝', '🔥', '💣', '🎉'] as const;

const empty = z.strictObject({});

/** Every client message type with its payload schema. */
export const CLIENT_PAYLOADS = {
  READY: z.strictObject({ ready: z.boolean().default(true) }),
  PLAY_CARDS: z.strictObject({ cards: CardsSchema, reading: ReadingSchema.optional() }),
  PASS: empty,
  TRIBUTE: z.strictObject({ card: CardSchema }),
  RETURN_TRIBUTE: z.strictObject({ card: CardSchema }),
  AUTO_PLAY: z.strictObject({ on: z.boolean() }),
  QUIT: empty,
  SEND_MESSAGE: z.strictObject({ text: ChatTextSchema }),
  SEND_EMOJI: z.strictObject({ emoji: z.enum(EMOJIS) }),
  RESUME: z.strictObject({ roomId: UuidSchema, lastSeq: z.int().min(0) }),
  PING: empty,
} as const;

export type ClientMessageType = keyof typeof CLIENT_PAYLOADS;
export const CLIENT_MESSAGE_TYPES = Object.keys(CLIENT_PAYLOADS) as ClientMessageType[];
export type ClientPayload<T extends ClientMessageType> = z.infer<(typeof CLIENT_PAYLOADS)[T]>;

/** The envelope of every client message; `id` is the client's own message id, unique per user, for idempotency. */
export const ClientEnvelopeSchema = z.strictObject({
  type: z.enum(CLIENT_MESSAGE_TYPES as [ClientMessageType, ...ClientMessageType[]]),
  payload: z.unknown().default({}),
  timestamp: z.number().int().nonnegative(),
  id: z.string().min(1).max(64),
});

export type ClientMessage = {
  [T in ClientMessageType]: { type: T; payload: ClientPayload<T>; timestamp: number; id: string };
}[ClientMessageType];

export type ParsedClientMessage =
  | { ok: true; message: ClientMessage }
  | { ok: false; id: string | null; message: string };

/** Parses one raw text frame: the envelope, then the payload of its type. Never throws. */
export function parseClientMessage(raw: string): ParsedClientMessage {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, id: null, message: 'not JSON' };
  }
  const envelope = ClientEnvelopeSchema.safeParse(json);
  const id = typeof (json as { id?: unknown })?.id === 'string' ? ((json as { id: string }).id.slice(0, 64) as string) : null;
  if (!envelope.success) return { ok: false, id, message: z.prettifyError(envelope.error) };
  const payload = CLIENT_PAYLOADS[envelope.data.type].safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, id, message: `${envelope.data.type}: ${z.prettifyError(payload.error)}` };
  return { ok: true, message: { ...envelope.data, payload: payload.data } as ClientMessage };
}

/** What a seat may do now, sent with its own view. */
export interface LegalOptions {
  /** Whether PASS is allowed. */
  canPass: boolean;
  /** Every distinct legal play with its reading (empty unless it is this seat's turn to play). */
  plays: Play[];
  /** Cards allowed as tribute or return, when this seat owes one. */
  cards: Card[];
}

export interface TablePlayer {
  seat: Seat;
  userId: string | null;
  username: string;
  isBot: boolean;
  connected: boolean;
  autoPlay: boolean;
}

export interface GameStatePayload {
  roomId: string;
  gameId: string;
  view: SeatView;
  legal: LegalOptions;
  players: TablePlayer[];
  /** When the seats that must act are played for, ms since the epoch; null when nobody must act. */
  deadline: number | null;
  /** After a deal ended: when the next deal's first turn starts (the table shows the deal's summary until then). */
  nextDealAt?: number | null;
}

/**
 * A seat's view as what changed since the view it was sent at `base` (a full GAME_STATE_UPDATE or another delta),
 * with nothing that did not change. Applied to the view at `base` (`applyStateDelta`), it gives the full view at this
 * message's seq. A client without that view asks with RESUME. It names no room or game: the view it applies to does
 * (and a new table always starts with a whole view).
 */
export interface GameStateDeltaPayload {
  base: number;
  /** Fields of the payload other than the view that changed, with their new values. */
  changed?: Partial<Pick<GameStatePayload, 'legal' | 'players' | 'deadline' | 'nextDealAt'>>;
  /** Fields of the view replaced, with their new values (the log too, when it did not just grow). */
  view?: Partial<SeatView>;
  /** Fields of the view that kept their own fields, with only those that changed (the trick after a pass). */
  viewPatch?: { [K in keyof SeatView]?: Partial<NonNullable<SeatView[K]>> };
  /**
   * Entries added at the end of the view's log; absent, those of `action`'s plays and passes (none without an action,
   * or when the log comes whole in `view`).
   */
  logAdded?: SeatView['log'];
  /**
   * The action this change comes from, when one action made it: the seat's copy of its PLAYER_ACTION without the
   * room (the view names it), so that each seat gets one message per action. A client treats it as the PLAYER_ACTION
   * of this seq (its id `tableMessageId(gameId, seq, 'PLAYER_ACTION')`), before the view.
   */
  action?: SeatAction;
}

export interface PlayerActionPayload extends SeatAction {
  roomId: string;
}

/** One seat's action as a client is told of it. */
export interface SeatAction {
  seat: Seat;
  kind: 'play' | 'pass' | 'tribute' | 'return' | 'timeUp';
  /** Whether the server played it for the seat (timeout, 托管, a disconnected player or a bot). */
  auto: boolean;
  /** What happened, as public engine events (a tribute card stays hidden until both are in). */
  events: MatchEvent[];
  /** The client message id this action answers, on the acting user's copy only. */
  inReplyTo?: string;
}

export interface GameEndedPayload {
  roomId: string;
  gameId: string;
  winningTeam: 0 | 1 | null;
  levels: [string, string];
  order: Seat[][];
  /** Set when an operator ended the game before its match was over: the completed deals count, the one in play is void. */
  endedEarly?: { reason: string };
}

export interface ChatPayload {
  roomId: string;
  seat: Seat;
  username: string;
  text?: string;
  emoji?: string;
}

/**
 * What a WARNING tells its one player: TIMED_OUT when a turn ran out and the server played for the seat (one more
 * in a row puts it on 托管), AUTO_PLAY_ON when that second one did.
 */
export type WarningCode = 'TIMED_OUT' | 'AUTO_PLAY_ON';

export interface ServerPayloads {
  GAME_STATE_UPDATE: GameStatePayload;
  GAME_STATE_DELTA: GameStateDeltaPayload;
  PLAYER_ACTION: PlayerActionPayload;
  PLAYER_JOINED: { roomId: string; seat: Seat; userId: string | null; username: string; room?: GameRoom };
  /** A person left a waiting room (the seat opens) or quit a game (a bot of `replacedBy` plays on). */
  PLAYER_LEFT: { roomId: string; seat: Seat; userId: string | null; replacedBy: string | null; room?: GameRoom };
  ROOM_UPDATE: { roomId: string; room: GameRoom };
  CHAT_MESSAGE: ChatPayload;
  GAME_ENDED: GameEndedPayload;
  ERROR: { code: ErrorCode; message: string; inReplyTo: string | null };
  WARNING: { code: WarningCode; message: string };
  PONG: { serverTime: number };
  /** $PLAY minted to the player's wallet for a finished game. */
  REWARD_EARNED: RewardEarnedPayload;
  /** A paid purchase's coins are in the player's account. */
  PURCHASE_COMPLETED: PurchaseCompletedPayload;
}

export type ServerMessageType = keyof ServerPayloads;

export interface ServerMessage<T extends ServerMessageType = ServerMessageType> {
  type: T;
  payload: ServerPayloads[T];
  timestamp: number;
  /** Unique per message; a message re-sent on resume keeps its id. */
  messageId: string;
  /** The table's sequence number: it increases with every table event; messages outside a table carry the last one. */
  seq: number;
}

/**
 * A server message in the envelope every one has. `seq` is the table's (the connection's last one for a message
 * outside a table); the time is now unless given.
 */
export function serverMessage<T extends ServerMessageType>(type: T, payload: ServerPayloads[T], envelope: { seq: number; messageId: string; timestamp?: number }): ServerMessage<T> {
  return { type, payload, timestamp: envelope.timestamp ?? Date.now(), messageId: envelope.messageId, seq: envelope.seq };
}

/**
 * The id of a table's message: the same for every copy and every time it is sent again (a view's `scope` names the
 * seat as well as the game, since each seat's view differs).
 */
export function tableMessageId(scope: string, seq: number, type: ServerMessageType): string {
  return `${scope}:${seq}:${type}`;
}

export type AnyServerMessage = { [T in ServerMessageType]: ServerMessage<T> }[ServerMessageType];
