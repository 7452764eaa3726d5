/**
 * Bots' names, shared by the server (the name stored with the seat) and the app (which shows the same persona in
 * the player's language). Zod-free so the app can import it without the schemas.
 *
 * A persona is an index into the name lists. It is stable for a seat of a room (a reload shows the same names)
 * and the four seats of a room never share one, so no two bots at a table look alike.
 */

/** The English names, one per persona; the app's zh-CN list has the same length and order. Initials all differ. */
export const BOT_NAMES_EN = ['Ava', 'Ben', 'Cleo', 'Dan', 'Eve', 'Finn', 'Gus', 'Hana', 'Ivy', 'Jack', 'Kit', 'Leo'] as const;

export const BOT_PERSONA_COUNT = BOT_NAMES_EN.length;

/** Seats step through the list 5 apart (coprime with 12), so neighbouring seats get unlike names. */
const SEAT_STEP = 5;

/** FNV-1a over the UTF-16 code units: a small stable hash, the same on every platform. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/** The persona of `seat` (0..3) in the room `roomId`: 0..BOT_PERSONA_COUNT-1, distinct for the four seats. */
export function botPersona(roomId: string, seat: number): number {
  return (hash(roomId) + seat * SEAT_STEP) % BOT_PERSONA_COUNT;
}

/** The name the server stores for a bot in `seat` of `roomId`. */
export function botUsername(roomId: string, seat: number): string {
  return BOT_NAMES_EN[botPersona(roomId, seat)];
}
