import type { BotLevel } from '@guandan/bots';
import type { Seat } from '@guandan/engine';
import { botUsername, type GameMode, type GameRoom, type RoomConfig } from '@guandan/protocol';

/** A seat of a room: a person, a bot, or open. */
export interface RoomSeat {
  seat: Seat;
  userId: string | null;
  username: string | null;
  botLevel: BotLevel | null;
  ready: boolean;
}

/** The room's settings once resolved: the match length is always explicit. */
export interface ResolvedRoomConfig extends Omit<RoomConfig, 'match_length'> {
  match_length: number | 'A';
}

export interface Room {
  id: string;
  gameMode: GameMode;
  status: GameRoom['status'];
  inviteCode: string | null;
  creatorId: string | null;
  config: ResolvedRoomConfig;
  seats: RoomSeat[];
  gameId: string | null;
  /** Ranked rooms: the mean rating of the seated people, for matchmaking. */
  rating: number | null;
  version: number;
  createdAt: string;
}

export const isOpen = (seat: RoomSeat): boolean => seat.userId === null && seat.botLevel === null;
export const isPerson = (seat: RoomSeat): boolean => seat.userId !== null;

/** Quick match and ranked play one deal; custom rooms play to A unless the creator chooses. */
export function resolveConfig(mode: GameMode, config: RoomConfig): ResolvedRoomConfig {
  return { ...config, match_length: config.match_length ?? (mode === 'custom' ? 'A' : 1) };
}

/**
 * The room as `viewerId` sees it; `connected` comes from presence. The invite code is the key to a custom room:
 * only the people seated in it see it (they pass it to friends), never someone who looks the room up or lists it.
 * `botFillAt` is when bots take the open seats of a waiting matchmade room (the waiting screen counts down to it).
 */
export function toGameRoom(room: Room, isOnline: (userId: string) => boolean, viewerId: string, botFillAt: number | null = null): GameRoom {
  return {
    room_id: room.id,
    game_mode: room.gameMode,
    status: room.status,
    players: room.seats.map((seat) => ({
      seat: seat.seat,
      user_id: seat.userId,
      username: seat.username ?? (seat.botLevel === null ? '' : botUsername(room.id, seat.seat)),
      is_bot: seat.userId === null && seat.botLevel !== null,
      bot_level: seat.botLevel,
      ready: seat.ready,
      connected: seat.userId === null ? seat.botLevel !== null : isOnline(seat.userId),
    })),
    room_config: room.config,
    invite_code: room.seats.some((seat) => seat.userId === viewerId) ? room.inviteCode : null,
    creator_id: room.creatorId,
    game_id: room.gameId,
    created_at: room.createdAt,
    bot_fill_at: botFillAt === null ? null : new Date(botFillAt).toISOString(),
  };
}

export function openSeat(seat: Seat): RoomSeat {
  return { seat, userId: null, username: null, botLevel: null, ready: false };
}

/** A bot's name is its persona's, stable for the seat of the room; the app shows the persona in the player's language. */
export function botSeat(roomId: string, seat: Seat, level: BotLevel): RoomSeat {
  return { seat, userId: null, username: botUsername(roomId, seat), botLevel: level, ready: true };
}

/** Matchmade players are ready at once; custom rooms ready up. */
export function personSeat(seat: Seat, userId: string, username: string, ready: boolean): RoomSeat {
  return { seat, userId, username, botLevel: null, ready };
}
