import { CLIENT_MESSAGE_TYPES, CLIENT_PAYLOADS, type ClientMessageType } from '@guandan/protocol';
import fc from 'fast-check';
import { z } from 'zod';
import { bodyFor, type JsonSchema, validValue } from './fuzz-schema.js';
import { hostileValue, rawBodies, trickyNumber, trickyString } from './fuzz-values.js';

/** One WebSocket frame: text, or bytes sent as a binary frame. */
export type Frame = string | Buffer;

/** What the frames may aim at: the table's room, cards of a real hand, and ids already used (to replay them). */
export interface FrameTargets {
  roomIds: readonly string[];
  cards: readonly string[];
  replayIds: readonly string[];
}

/** The server's frame limit (src/realtime/gateway.ts maxPayload); bigger frames close the socket by design. */
export const MAX_FRAME_BYTES = 16 * 1024;

const payloadSchemas = Object.fromEntries(
  CLIENT_MESSAGE_TYPES.map((type) => [type, z.toJSONSchema(CLIENT_PAYLOADS[type], { io: 'input', unrepresentable: 'any' }) as JsonSchema]),
) as Record<ClientMessageType, JsonSchema>;

/** A payload for `type` from the protocol's own schema: valid, one field off, missing, extra or wholly hostile. */
function payloadFor(type: ClientMessageType, targets: FrameTargets): fc.Arbitrary<unknown> {
  const schema = payloadSchemas[type];
  if (type === 'RESUME') {
    return fc.oneof(
      fc.record({ roomId: fc.constantFrom(...targets.roomIds), lastSeq: fc.oneof(fc.nat(), trickyNumber) }),
      bodyFor(schema),
    );
  }
  return bodyFor(schema);
}

const idArbitrary = (targets: FrameTargets): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 64 }) },
    { weight: 3, arbitrary: fc.constantFrom(...targets.replayIds) },
    { weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(65), 'y'.repeat(8000), '\u0000', '\u202e', '__proto__') },
    { weight: 1, arbitrary: hostileValue },
  );

const timestampArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(Date.now()) },
  { weight: 1, arbitrary: fc.oneof(trickyNumber, trickyString, fc.constant(null)) },
);

/** Payloads the protocol accepts, aimed at the table: its room, and cards of a hand at it (legal or not to play). */
function acceptedPayload(type: ClientMessageType, targets: FrameTargets): fc.Arbitrary<unknown> {
  const card = fc.constantFrom(...targets.cards);
  switch (type) {
    case 'PLAY_CARDS':
      return fc.record({ cards: fc.array(card, { minLength: 1, maxLength: 8 }) });
    case 'TRIBUTE':
    case 'RETURN_TRIBUTE':
      return fc.record({ card });
    case 'RESUME':
      return fc.record({ roomId: fc.constantFrom(...targets.roomIds), lastSeq: fc.nat({ max: 400 }) });
    default:
      return validValue(payloadSchemas[type]);
  }
}

/** Envelopes of known types with generated payloads, ids and timestamps; `accepted` keeps to what the protocol accepts. */
function envelope(targets: FrameTargets, accepted = false): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      type: fc.constantFrom(...CLIENT_MESSAGE_TYPES),
      id: accepted ? fc.oneof(fc.string({ minLength: 1, maxLength: 64 }), fc.constantFrom(...targets.replayIds)) : idArbitrary(targets),
      timestamp: accepted ? fc.constant(Date.now()) : timestampArbitrary,
    })
    .chain(({ type, id, timestamp }) => (accepted ? acceptedPayload(type, targets) : payloadFor(type, targets)).map((payload) => ({ type, payload, timestamp, id })));
}

/** Envelopes broken as a whole: unknown or mangled types, missing fields, extra fields, not an object. */
function brokenEnvelope(targets: FrameTargets): fc.Arbitrary<unknown> {
  return fc.oneof(
    envelope(targets).chain((message) =>
      fc.oneof(
        fc.constantFrom('DANCE', 'ping', 'Ping', 'PING ', '', 'ERROR', 'PONG', 'GAME_STATE_UPDATE', '__proto__', 'constructor').map((type) => ({ ...message, type })),
        fc.constantFrom('type', 'payload', 'timestamp', 'id').map((name) => {
          const copy = { ...message };
          delete copy[name];
          return copy;
        }),
        fc.tuple(fc.oneof(trickyString, fc.constantFrom('seq', 'userId', 'inReplyTo', 'roomId')), hostileValue).map(([name, value]) => Object.defineProperty({ ...message }, name, { value, enumerable: true })),
        hostileValue.map((type) => ({ ...message, type })),
      ),
    ),
    hostileValue,
  );
}

/**
 * Generated frames: mostly valid envelopes with valid-ish or wrong payloads (so the handlers run), replayed ids
 * and messages for the table's room, plus broken envelopes, non-JSON text and binary frames. Every frame stays
 * under the server's frame limit.
 */
export function frames(targets: FrameTargets): fc.Arbitrary<Frame> {
  const text = fc.oneof(
    { weight: 8, arbitrary: envelope(targets, true).map((message) => JSON.stringify(message)) },
    { weight: 6, arbitrary: envelope(targets).map((message) => JSON.stringify(message)) },
    { weight: 3, arbitrary: brokenEnvelope(targets).map((message) => JSON.stringify(message) ?? 'undefined') },
    { weight: 1, arbitrary: rawBodies },
    { weight: 1, arbitrary: validValue({ type: 'string' }).map(String) },
  );
  return fc
    .oneof(
      { weight: 18, arbitrary: text },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)) },
      { weight: 1, arbitrary: envelope(targets).map((message) => Buffer.from(JSON.stringify(message))) },
    )
    .filter((frame) => Buffer.byteLength(frame) < MAX_FRAME_BYTES);
}
