import type { BotLevel } from '@guandan/bots';
import type { Seat } from '@guandan/engine';
import { ProtocolError } from '@guandan/protocol';
import { requireBetCover } from './coin-cover.js';
import type { GameStart } from './game-start.js';
import type { PlayerDirectory } from './player-directory.js';
import { botSeat, isPerson, openSeat, type Room } from './room.js';
import type { RoomStore } from './room-store.js';
import type { RoomWriter } from './room-writer.js';
import type { Seating } from './seating.js';

/** Custom rooms: joined by id or invite code rather than matchmaking, and their creator chooses bots for seats. */
export class CustomRooms {
  constructor(
    private readonly deps: { store: RoomStore; writer: RoomWriter; players: PlayerDirectory; seating: Seating; start: GameStart },
  ) {}

  async joinByCode(userId: string, code: string): Promise<Room> {
    const room = await this.deps.store.findByInviteCode(code);
    if (room === undefined) throw new ProtocolError('ROOM_NOT_FOUND', `no room with invite code ${code}`);
    return this.join(userId, room.id);
  }

  /** Joins a custom room by id (open rooms are listed; the invite code is the way in for friends). */
  async join(userId: string, roomId: string): Promise<Room> {
    const room = await this.deps.store.get(roomId);
    if (room.gameMode !== 'custom') throw new ProtocolError('FORBIDDEN', 'quick match and ranked rooms are joined through matchmaking');
    const profile = await this.deps.players.profile(userId);
    requireBetCover(profile.coins, room.config.base_bet);
    const joined = await this.deps.seating.trySeat(roomId, userId, profile.username, null);
    if (joined === null) throw new ProtocolError('ROOM_FULL', 'every seat is taken');
    return joined;
  }

  /** The creator puts a bot in a seat, or opens it again (null). */
  async setSeatBot(userId: string, roomId: string, seatIndex: Seat, level: BotLevel | null): Promise<Room> {
    const room = await this.deps.writer.mutate(roomId, async (_trx, current) => {
      if (current.creatorId !== userId) throw new ProtocolError('FORBIDDEN', 'only the room creator chooses bots');
      if (current.status !== 'waiting') throw new ProtocolError('ROOM_NOT_WAITING', 'the game has started');
      if (isPerson(current.seats[seatIndex])) throw new ProtocolError('CONFLICT', 'a person sits there');
      const seats = current.seats.map((candidate) =>
        candidate.seat === seatIndex ? (level === null ? openSeat(seatIndex) : botSeat(current.id, seatIndex, level)) : candidate,
      );
      return { ...current, seats };
    });
    return this.deps.start.ifReady(room);
  }
}
