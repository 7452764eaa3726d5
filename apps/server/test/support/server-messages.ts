import { GameRoomSchema, type ServerMessageType } from '@guandan/protocol';
import { z } from 'zod';
import { ALL_ERROR_CODES } from './error-codes.js';

/**
 * What each server message may look like, per packages/protocol's realtime types (the protocol declares server
 * messages as types only). The `satisfies` makes the compiler fail when the protocol adds a message type. Engine
 * objects inside (views, events) are checked to their top level; the game tests check their content.
 */
const Uuid = z.uuid();
const Seat = z.int().min(0).max(3);
const SeatAction = z.strictObject({
  seat: Seat,
  kind: z.enum(['play', 'pass', 'tribute', 'return', 'timeUp']),
  auto: z.boolean(),
  events: z.array(z.looseObject({ kind: z.string() })),
  inReplyTo: z.string().max(64).optional(),
});

const PAYLOADS = {
  GAME_STATE_UPDATE: z.strictObject({
    roomId: Uuid,
    gameId: Uuid,
    view: z.looseObject({ seat: Seat, phase: z.string(), actors: z.array(Seat), hand: z.array(z.string()) }),
    legal: z.strictObject({ canPass: z.boolean(), plays: z.array(z.looseObject({ cards: z.array(z.string()) })), cards: z.array(z.string()) }),
    players: z.array(z.strictObject({ seat: Seat, userId: Uuid.nullable(), username: z.string(), isBot: z.boolean(), connected: z.boolean(), autoPlay: z.boolean() })).length(4),
    deadline: z.number().nullable(),
    nextDealAt: z.number().nullable(),
  }),
  GAME_STATE_DELTA: z.strictObject({
    base: z.int().nonnegative(),
    changed: z
      .strictObject({
        legal: z.strictObject({ canPass: z.boolean(), plays: z.array(z.looseObject({ cards: z.array(z.string()) })), cards: z.array(z.string()) }).optional(),
        players: z.array(z.looseObject({ seat: Seat })).length(4).optional(),
        deadline: z.number().nullable().optional(),
        nextDealAt: z.number().nullable().optional(),
      })
      .optional(),
    // A hand in a delta is still only the seat's own: the view's keys are those of a full view.
    view: z.looseObject({ hand: z.array(z.string()).optional(), actors: z.array(Seat).optional() }).optional(),
    viewPatch: z.record(z.string(), z.looseObject({})).optional(),
    logAdded: z.array(z.looseObject({})).optional(),
    action: SeatAction.optional(),
  }),
  PLAYER_ACTION: z.strictObject({ roomId: Uuid, ...SeatAction.shape }),
  PLAYER_JOINED: z.strictObject({ roomId: Uuid, seat: Seat, userId: Uuid.nullable(), username: z.string(), room: GameRoomSchema.optional() }),
  PLAYER_LEFT: z.strictObject({ roomId: Uuid, seat: Seat, userId: Uuid.nullable(), replacedBy: z.string().nullable(), room: GameRoomSchema.optional() }),
  ROOM_UPDATE: z.strictObject({ roomId: Uuid, room: GameRoomSchema }),
  CHAT_MESSAGE: z.strictObject({ roomId: Uuid, seat: Seat, username: z.string(), text: z.string().min(1).max(200).optional(), emoji: z.string().optional() }),
  GAME_ENDED: z.strictObject({
    roomId: Uuid,
    gameId: Uuid,
    winningTeam: z.union([z.literal(0), z.literal(1)]).nullable(),
    levels: z.tuple([z.string(), z.string()]),
    order: z.array(z.array(Seat)),
    endedEarly: z.strictObject({ reason: z.string() }).optional(),
  }),
  ERROR: z.strictObject({
    code: z.string().refine((code) => ALL_ERROR_CODES.has(code), 'a code from the protocol'),
    message: z.string(),
    inReplyTo: z.string().max(64).nullable(),
  }),
  WARNING: z.strictObject({ code: z.string(), message: z.string() }),
  PONG: z.strictObject({ serverTime: z.number() }),
  REWARD_EARNED: z.looseObject({}),
  PURCHASE_COMPLETED: z.strictObject({ purchaseId: Uuid, productId: z.string(), coins: z.int().positive(), balance: z.int().nonnegative() }),
} satisfies Record<ServerMessageType, z.ZodType>;

const ServerEnvelopeSchema = z.strictObject({
  type: z.enum(Object.keys(PAYLOADS) as [ServerMessageType, ...ServerMessageType[]]),
  payload: z.unknown(),
  timestamp: z.int().nonnegative(),
  messageId: z.string().min(1),
  seq: z.int().nonnegative(),
});

/** A server message checked against the protocol, or why it is not one. */
export function checkServerMessage(raw: string): { ok: true; type: ServerMessageType; payload: unknown; seq: number } | { ok: false; why: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, why: `not JSON: ${raw.slice(0, 200)}` };
  }
  const envelope = ServerEnvelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, why: `bad envelope ${z.prettifyError(envelope.error)}: ${raw.slice(0, 300)}` };
  const payload = PAYLOADS[envelope.data.type].safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, why: `bad ${envelope.data.type} payload ${z.prettifyError(payload.error)}: ${raw.slice(0, 300)}` };
  return { ok: true, type: envelope.data.type, payload: payload.data, seq: envelope.data.seq };
}

