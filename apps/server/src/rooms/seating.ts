import { randomUUID } from 'node:crypto';
import { resolveRules, type Seat, SEATS } from '@guandan/engine';
import { type GameMode, ProtocolError, type RoomConfig } from '@guandan/protocol';
import type { Transaction } from 'kysely';
import { nowIso } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';
import { unitOfWork } from '../platform/db/unit-of-work.js';
import type { TablePort } from '../tables/index.js';
import type { BotFill } from './bot-fill.js';
import type { GameStart } from './game-start.js';
import { newInviteCode } from './invite-code.js';
import type { PlayerDirectory } from './player-directory.js';
import { isOpen, isPerson, openSeat, personSeat, resolveConfig, type Room, type RoomSeat } from './room.js';
import type { RoomNotices } from './room-notices.js';
import { rulesOf } from './room-rules.js';
import type { RoomStore } from './room-store.js';
import type { RoomWriter } from './room-writer.js';

/**
 * People coming and going: opening a room, taking a seat, getting ready, leaving. Whoever's arrival completes a
 * ready room starts its game. A ranked room's rating is the mean of its people's, kept up to date as they come and go
 * because matchmaking compares a newcomer's rating with it.
 */
export class Seating {
  constructor(
    private readonly deps: {
      store: RoomStore;
      writer: RoomWriter;
      tables: TablePort;
      players: PlayerDirectory;
      notices: RoomNotices;
      fill: BotFill;
      start: GameStart;
    },
  ) {}

  /** Opens a room with its first person in seat 0; `rating` is theirs in a ranked room, null otherwise. */
  async open(userId: string, username: string, mode: GameMode, config: RoomConfig, rating: number | null): Promise<Room> {
    const resolved = resolveConfig(mode, config);
    // Rules the engine would refuse are refused now, not when the room is full and its table is dealt.
    resolveRules(rulesOf(resolved));
    const now = nowIso();
    const room = await this.deps.writer.create(
      () => ({
        id: randomUUID(),
        gameMode: mode,
        status: 'waiting',
        inviteCode: mode === 'custom' ? newInviteCode() : null,
        creatorId: mode === 'custom' ? userId : null,
        config: resolved,
        seats: SEATS.map((seat) => (seat === 0 ? personSeat(0, userId, username, mode !== 'custom') : openSeat(seat))),
        gameId: null,
        rating,
        version: 0,
        createdAt: now,
      }),
      userId,
    );
    this.deps.fill.arm(room);
    return room;
  }

  /** Seats a person in the first open seat of a waiting room; null when the room is full or no longer waiting. */
  async trySeat(roomId: string, userId: string, username: string, rating: number | null): Promise<Room | null> {
    let joinedSeat: Seat | null = null;
    const room = await this.deps.writer.mutate(roomId, async (trx, current) => {
      const open = current.seats.find(isOpen);
      if (current.status !== 'waiting' || open === undefined) return current;
      await this.deps.store.addMember(trx, roomId, userId, open.seat);
      joinedSeat = open.seat;
      const seats = current.seats.map((seat) => (seat.seat === open.seat ? personSeat(open.seat, userId, username, current.gameMode !== 'custom') : seat));
      return { ...current, seats, rating: rating === null ? current.rating : await this.meanRating(trx, current, seats) };
    });
    if (joinedSeat === null) return null;
    this.deps.notices.joined(room, joinedSeat, userId, username);
    return this.deps.start.ifReady(room);
  }

  /** Leaves a waiting room (the seat opens), or quits a game (a bot plays on). */
  async leave(userId: string, roomId: string): Promise<void> {
    const room = await this.deps.store.get(roomId);
    if (!room.seats.some((seat) => seat.userId === userId)) throw new ProtocolError('NOT_IN_ROOM', 'you are not in this room');
    if (room.status === 'playing') {
      // Someone who quit this game stays in its seats; without this check they would quit the game they play now.
      if ((await this.deps.store.roomOfUser(userId)) !== roomId) throw new ProtocolError('NOT_IN_ROOM', 'you already left this game');
      await this.deps.tables.run({ op: 'quit', userId });
      return;
    }
    if (room.status !== 'waiting') throw new ProtocolError('ROOM_NOT_WAITING', 'this room is finished');
    let leftSeat: Seat = 0;
    const left = await this.deps.writer.mutate(roomId, async (trx, current) => {
      const seat = current.seats.find((candidate) => candidate.userId === userId);
      if (seat === undefined) throw new ProtocolError('NOT_IN_ROOM', 'you are not in this room');
      leftSeat = seat.seat;
      await this.deps.store.removeMember(trx, userId);
      const seats = current.seats.map((candidate) => (candidate.userId === userId ? openSeat(candidate.seat) : candidate));
      const people = seats.filter(isPerson);
      const creatorId = current.creatorId === userId ? (people[0]?.userId ?? null) : current.creatorId;
      return { ...current, seats, creatorId, status: people.length === 0 ? 'finished' : 'waiting', rating: await this.meanRating(trx, current, seats) };
    });
    this.deps.notices.left(left, leftSeat, userId);
    if (left.status === 'finished') this.deps.fill.clear(roomId);
  }

  /** Marks a person ready (or not) in their room, or in `expectedRoomId` only; a full room where everyone is ready starts. */
  async setReady(userId: string, ready: boolean, expectedRoomId?: string): Promise<Room> {
    const roomId = await this.deps.store.roomOfUser(userId);
    if (roomId === undefined || (expectedRoomId !== undefined && roomId !== expectedRoomId)) {
      throw new ProtocolError('NOT_IN_ROOM', 'you are not in this room');
    }
    const room = await this.deps.writer.mutate(roomId, async (_trx, current) => {
      if (current.status !== 'waiting') throw new ProtocolError('ROOM_NOT_WAITING', 'the game has started');
      return { ...current, seats: current.seats.map((seat) => (seat.userId === userId ? { ...seat, ready } : seat)) };
    });
    return this.deps.start.ifReady(room);
  }

  private async meanRating(trx: Transaction<Database>, room: Room, seats: RoomSeat[]): Promise<number | null> {
    if (room.gameMode !== 'ranked') return null;
    const people = seats.filter(isPerson);
    if (people.length === 0) return null;
    const ratings = await Promise.all(people.map((seat) => this.deps.players.rating(seat.userId as string, unitOfWork(trx))));
    return ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length;
  }
}
