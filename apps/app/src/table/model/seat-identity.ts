import { BOT_PERSONA_COUNT, botPersona } from '@guandan/protocol/bot-names';
import type { StringKey, Translate } from '../../i18n';

/**
 * Who sits where, as the player sees it, and what each seat looks like. Pure: the plates of the table, the waiting
 * room and the results all read the same names and avatars from here.
 */

/** Seats as seen from mine. Play goes seat → seat + 1, so the seat after mine (下家) plays after me, the one before (上家) before me. */
export type SeatRelation = 'me' | 'partner' | 'left' | 'right';

/** 下家 sits on the right (it plays right after me, play going bottom → right → top → left), 上家 on the left. */
export function seatRelation(me: number, seat: number): SeatRelation {
  const step = (((seat - me) % 4) + 4) % 4;
  return step === 0 ? 'me' : step === 1 ? 'right' : step === 2 ? 'partner' : 'left';
}

/** The short word for a seat: 你, 对家, 上家, 下家. */
export function relationKey(relation: SeatRelation): StringKey {
  return relation === 'me' ? 'seat.me' : relation === 'partner' ? 'relation.partner' : relation === 'left' ? 'relation.left' : 'relation.right';
}

/** The one-line explanation of a relation (accessibility labels): who plays before or after me. */
export function relationLongKey(relation: Exclude<SeatRelation, 'me'>): StringKey {
  return relation === 'partner' ? 'relation.partner' : relation === 'left' ? 'relation.leftLong' : 'relation.rightLong';
}

/** Avatar backgrounds, one per bot persona; people get one by their name. All light enough for white glyphs to stay readable. */
export const AVATAR_COLOURS: readonly string[] = [
  '#c0392b',
  '#2e86c1',
  '#8e44ad',
  '#d35400',
  '#16a085',
  '#b7950b',
  '#c2185b',
  '#2c3e98',
  '#6d8b1f',
  '#a04000',
  '#00838f',
  '#7b5e3b',
];

/** A seat's occupant in the terms every screen has: the table's players and the room's. */
export interface Occupant {
  seat: number;
  username: string;
  userId: string | null;
  isBot: boolean;
}

/** A seat as the REST API writes it (a room's seats, a game record's players). */
export interface RecordedSeat {
  seat: number;
  username: string;
  user_id: string | null;
  is_bot: boolean;
}

export function occupantOf(player: RecordedSeat): Occupant {
  return { seat: player.seat, username: player.username, userId: player.user_id, isBot: player.is_bot };
}

export interface SeatIdentity {
  name: string;
  /** One character for the avatar. */
  glyph: string;
  colour: string;
  /** A bot from the start (it has a persona); a person who quit keeps their own name. */
  persona: number | null;
  /** Played by a bot: a bot seat, or a person who left and whom a bot replaced. */
  botPlays: boolean;
}

const BOT_NAME_KEYS: readonly StringKey[] = Array.from({ length: BOT_PERSONA_COUNT }, (_, index) => `botName.${index}` as StringKey);

function nameHash(name: string): number {
  let value = 0;
  for (const char of name) value = (value * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return value;
}

/**
 * The name and avatar of a seat. A bot's name is its persona (the server picks it for the seat of the room) in the
 * player's language, so a Chinese table never shows English bot names; its avatar is the persona's own colour and
 * first character, so the three bots of a quick match never look alike.
 */
export function seatIdentity(occupant: Occupant, roomId: string, t: Translate): SeatIdentity {
  if (occupant.isBot && occupant.userId === null) {
    const persona = botPersona(roomId, occupant.seat);
    const name = t(BOT_NAME_KEYS[persona]);
    return { name, glyph: firstGlyph(name), colour: AVATAR_COLOURS[persona % AVATAR_COLOURS.length], persona, botPlays: true };
  }
  const name = occupant.username;
  return { name, glyph: firstGlyph(name), colour: AVATAR_COLOURS[nameHash(name) % AVATAR_COLOURS.length], persona: null, botPlays: occupant.isBot };
}

function firstGlyph(name: string): string {
  return (Array.from(name.trim())[0] ?? '?').toUpperCase();
}
