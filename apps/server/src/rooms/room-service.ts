import type { BotLevel } from '@guandan/bots';
import type { Seat } from '@guandan/engine';
import { type GameMode, type GameRoom, ProtocolError, type RoomConfig } from '@guandan/protocol';
import type { Config } from '../config.js';
import type { Db } from '../platform/db/database.js';
import { transactionOf, type UnitOfWork } from '../platform/db/unit-of-work.js';
import type { UserOutbound } from '../platform/user-outbound.js';
import type { RoomLifecycle, TablePort } from '../tables/index.js';
import { BotFill } from './bot-fill.js';
import { requireBetCover } from './coin-cover.js';
import { CustomRooms } from './custom-rooms.js';
import { GameStart } from './game-start.js';
import type { MatchQueue } from './match-queue.js';
import { Matchmaking } from './matchmaking.js';
import type { PlayerDirectory } from './player-directory.js';
import { type Room, toGameRoom } from './room.js';
import { RoomNotices } from './room-notices.js';
import type { RoomStore } from './room-store.js';
import { RoomWriter } from './room-writer.js';
import { Seating } from './seating.js';

/**
 * Rooms: quick match (join the oldest waiting room, bots fill after a wait), ranked (a rating window that widens
 * with waiting time), and custom rooms (invite code, ready-up, bots for chosen seats). A room starts its table when
 * it is full and everyone is ready.
 *
 * This is what routes, the realtime dispatcher, the tables and the composition root call; the work is done in the
 * modules it wires together: matchmaking, custom-rooms, seating, game-start, bot-fill, room-notices and room-writer.
 */
export class RoomService implements RoomLifecycle {
  private readonly fill: BotFill;
  private readonly seating: Seating;
  private readonly matchmaking: Matchmaking;
  private readonly custom: CustomRooms;

  constructor(
    private readonly deps: {
      db: Db;
      store: RoomStore;
      matchQueue: MatchQueue;
      tables: TablePort;
      players: PlayerDirectory;
      outbound: UserOutbound;
      config: Config;
    },
  ) {
    const { store, tables, players } = deps;
    const writer = new RoomWriter(deps);
    const notices = new RoomNotices(deps.outbound, (room, viewerId) => this.view(room, viewerId));
    // Bot fill starts games and a started game stops its bot fill: the timers reach `start` once it exists.
    this.fill = new BotFill({ store, config: deps.config, start: (roomId) => start.start(roomId) });
    const start = new GameStart({ writer, tables, fill: this.fill, notices });
    this.seating = new Seating({ store, writer, tables, players, notices, fill: this.fill, start });
    this.matchmaking = new Matchmaking({ matchQueue: deps.matchQueue, players, seating: this.seating });
    this.custom = new CustomRooms({ store, writer, players, seating: this.seating, start });
  }

  /** The room as `viewerId` sees it (the invite code for its members only). */
  view(room: Room, viewerId: string): GameRoom {
    return toGameRoom(room, this.deps.outbound.isOnline, viewerId, this.fill.fillAt(room));
  }

  async get(roomId: string): Promise<Room> {
    return this.deps.store.get(roomId);
  }

  /** The room the player is in, or null: being in no room is the usual case in the lobby, not a refusal. */
  async currentOrNull(userId: string): Promise<Room | null> {
    const roomId = await this.deps.store.roomOfUser(userId);
    return roomId === undefined ? null : this.deps.store.get(roomId);
  }

  async current(userId: string): Promise<Room> {
    const room = await this.currentOrNull(userId);
    if (room === null) throw new ProtocolError('NOT_IN_ROOM', 'you are not in a room');
    return room;
  }

  async openCustomRooms(page: number, limit: number): Promise<Room[]> {
    return this.deps.store.waiting('custom', limit, (page - 1) * limit);
  }

  /** Creates a custom room, or finds a seat through quick match or ranked matchmaking. */
  async create(userId: string, mode: GameMode, config: RoomConfig): Promise<Room> {
    const profile = await this.deps.players.profile(userId);
    requireBetCover(profile.coins, config.base_bet);
    if (mode === 'custom') return this.seating.open(userId, profile.username, mode, config, null);
    return this.matchmaking.seat(userId, profile.username, mode, config);
  }

  async joinByCode(userId: string, code: string): Promise<Room> {
    return this.custom.joinByCode(userId, code);
  }

  async join(userId: string, roomId: string): Promise<Room> {
    return this.custom.join(userId, roomId);
  }

  async leave(userId: string, roomId: string): Promise<void> {
    return this.seating.leave(userId, roomId);
  }

  async setReady(userId: string, ready: boolean, expectedRoomId?: string): Promise<Room> {
    return this.seating.setReady(userId, ready, expectedRoomId);
  }

  async setSeatBot(userId: string, roomId: string, seatIndex: Seat, level: BotLevel | null): Promise<Room> {
    return this.custom.setSeatBot(userId, roomId, seatIndex, level);
  }

  /** RoomLifecycle: the table's last action closes the room in the same transaction. */
  async gameFinished(work: UnitOfWork, roomId: string): Promise<void> {
    const trx = transactionOf(work);
    const room = await this.deps.store.get(roomId, trx);
    await this.deps.store.update(trx, { ...room, status: 'finished' });
    await this.deps.store.removeAllMembers(trx, roomId);
  }

  /** RoomLifecycle: a person who quits a game is free to join another room. */
  async memberQuit(work: UnitOfWork, _roomId: string, userId: string): Promise<void> {
    await this.deps.store.removeMember(transactionOf(work), userId);
  }

  /** After a restart: waiting matchmade rooms get their bot fill back, and overdue ones start. */
  async resume(): Promise<void> {
    await this.fill.resume();
  }

  stop(): void {
    this.fill.stop();
  }
}
