import { randomUUID } from 'node:crypto';
import type { BotLevel } from '@guandan/bots';
import { type Rules, resolveRules, type Seat, SEATS } from '@guandan/engine';
import { type AnyServerMessage, botUsername, type GameMode, type GameRoom, ProtocolError, type RoomConfig } from '@guandan/protocol';
import type { Transaction } from 'kysely';
import type { Config } from '../config.js';
import { nowIso } from '../platform/db/database.js';
import type { Db } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';
import { isUniqueViolation } from '../platform/db/unique-violation.js';
import { KeyedQueue } from '../platform/keyed-queue.js';
import type { UserOutbound } from '../platform/user-outbound.js';
import type { RoomLifecycle, TablePort } from '../tables/table-ports.js';
import { newInviteCode } from './invite-code.js';
import type { MatchQueue } from './match-queue.js';
import { rankedWindow } from './ranked-window.js';
import { isOpen, isPerson, resolveConfig, type Room, type RoomSeat, toGameRoom } from './room.js';
import type { RoomStore } from './room-store.js';

/** What rooms need to know about a person: their name, coins and (for ranked) rating. */
export interface PlayerDirectory {
  profile(userId: string): Promise<{ username: string; coins: number }>;
  /** Inside a room's transaction pass it: on SQLite's single connection a read outside it would wait for it forever. */
  rating(userId: string, trx?: Transaction<Database>): Promise<number>;
}

/** Each deal can cost up to three levels' worth of the bet: a player must cover that to sit down. */
const BET_COVER = 3;
/** How often waiting rooms are checked for a bot fill that is overdue (its timer was on a node that died). */
const OVERDUE_SWEEP_MS = 5000;
const OVERDUE_GRACE_MS = 2000;

/**
 * Rooms: quick match (join the oldest waiting room, bots fill after a wait), ranked (a rating window that widens
 * with waiting time), and custom rooms (invite code, ready-up, bots for chosen seats). A room starts its table when
 * it is full and everyone is ready.
 */
export class RoomService implements RoomLifecycle {
  private readonly queue = new KeyedQueue();
  private readonly fillTimers = new Map<string, NodeJS.Timeout>();
  private overdueSweep: NodeJS.Timeout | null = null;

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
  ) {}

  /** The room as `viewerId` sees it (the invite code for its members only). */
  view(room: Room, viewerId: string): GameRoom {
    return toGameRoom(room, this.deps.outbound.isOnline, viewerId, this.fillAt(room));
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
    if (profile.coins < config.base_bet * BET_COVER) {
      throw new ProtocolError('INSUFFICIENT_COINS', `a base bet of ${config.base_bet} needs ${config.base_bet * BET_COVER} game coins`);
    }
    if (mode === 'custom') return this.createRoom(userId, profile.username, mode, config, null);
    const rating = mode === 'ranked' ? await this.deps.players.rating(userId) : null;
    for (const candidate of await this.deps.matchQueue.candidates(mode)) {
      if (candidate.config.base_bet !== config.base_bet) continue;
      if (rating !== null && Math.abs((candidate.rating ?? rating) - rating) > rankedWindow(Date.now() - Date.parse(candidate.createdAt))) continue;
      const joined = await this.trySeat(candidate.id, userId, profile.username, rating);
      if (joined !== null) return joined;
    }
    const matchConfig: RoomConfig = { ...config, rules: {}, match_length: config.match_length };
    return this.createRoom(userId, profile.username, mode, matchConfig, rating);
  }

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
    if (profile.coins < room.config.base_bet * BET_COVER) {
      throw new ProtocolError('INSUFFICIENT_COINS', `this room's base bet of ${room.config.base_bet} needs ${room.config.base_bet * BET_COVER} game coins`);
    }
    const joined = await this.trySeat(roomId, userId, profile.username, null);
    if (joined === null) throw new ProtocolError('ROOM_FULL', 'every seat is taken');
    return joined;
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
    await this.mutate(roomId, async (trx, current) => {
      const seat = current.seats.find((candidate) => candidate.userId === userId);
      if (seat === undefined) throw new ProtocolError('NOT_IN_ROOM', 'you are not in this room');
      leftSeat = seat.seat;
      await this.deps.store.removeMember(trx, userId);
      const seats = current.seats.map((candidate) => (candidate.userId === userId ? openSeat(candidate.seat) : candidate));
      const people = seats.filter(isPerson);
      const creatorId = current.creatorId === userId ? (people[0]?.userId ?? null) : current.creatorId;
      return { ...current, seats, creatorId, status: people.length === 0 ? 'finished' : 'waiting', rating: await this.meanRating(trx, current, seats) };
    }).then((room) => {
      this.notify(room, 'PLAYER_LEFT', (viewer) => ({ roomId, seat: leftSeat, userId, replacedBy: null, room: this.view(room, viewer) }), [userId]);
      if (room.status === 'finished') this.clearFillTimer(roomId);
    });
  }

  /** Marks a person ready (or not) in their room, or in `expectedRoomId` only; a full room where everyone is ready starts. */
  async setReady(userId: string, ready: boolean, expectedRoomId?: string): Promise<Room> {
    const roomId = await this.deps.store.roomOfUser(userId);
    if (roomId === undefined || (expectedRoomId !== undefined && roomId !== expectedRoomId)) {
      throw new ProtocolError('NOT_IN_ROOM', 'you are not in this room');
    }
    const room = await this.mutate(roomId, async (_trx, current) => {
      if (current.status !== 'waiting') throw new ProtocolError('ROOM_NOT_WAITING', 'the game has started');
      return { ...current, seats: current.seats.map((seat) => (seat.userId === userId ? { ...seat, ready } : seat)) };
    });
    return this.startIfReady(room);
  }

  /** The creator of a custom room puts a bot in a seat, or opens it again (null). */
  async setSeatBot(userId: string, roomId: string, seatIndex: Seat, level: BotLevel | null): Promise<Room> {
    const room = await this.mutate(roomId, async (_trx, current) => {
      if (current.creatorId !== userId) throw new ProtocolError('FORBIDDEN', 'only the room creator chooses bots');
      if (current.status !== 'waiting') throw new ProtocolError('ROOM_NOT_WAITING', 'the game has started');
      const seat = current.seats[seatIndex];
      if (isPerson(seat)) throw new ProtocolError('CONFLICT', 'a person sits there');
      const seats = current.seats.map((candidate) =>
        candidate.seat === seatIndex ? (level === null ? openSeat(seatIndex) : botSeat(current.id, seatIndex, level)) : candidate,
      );
      return { ...current, seats };
    });
    return this.startIfReady(room);
  }

  /** RoomLifecycle: the table's last action closes the room in the same transaction. */
  async gameFinished(trx: Transaction<Database>, roomId: string): Promise<void> {
    const room = await this.deps.store.get(roomId, trx);
    await this.deps.store.update(trx, { ...room, status: 'finished' });
    await this.deps.store.removeAllMembers(trx, roomId);
  }

  /** RoomLifecycle: a person who quits a game is free to join another room. */
  async memberQuit(trx: Transaction<Database>, _roomId: string, userId: string): Promise<void> {
    await this.deps.store.removeMember(trx, userId);
  }

  /**
   * After a restart: waiting quick-match and ranked rooms get their bot-fill timers back. Then, every few seconds,
   * rooms whose fill is overdue start here: on a cluster the node that armed their timer may have died.
   */
  async resume(): Promise<void> {
    for (const mode of ['quick_match', 'ranked'] as const) for (const room of await this.deps.store.waiting(mode, 1000)) this.armFillTimer(room);
    this.overdueSweep ??= setInterval(() => void this.startOverdue().catch(() => undefined), OVERDUE_SWEEP_MS);
    this.overdueSweep.unref();
  }

  private async startOverdue(): Promise<void> {
    for (const mode of ['quick_match', 'ranked'] as const) {
      for (const room of await this.deps.store.waiting(mode, 1000)) {
        if (Date.parse(room.createdAt) + this.fillWait(room) + OVERDUE_GRACE_MS < Date.now()) await this.start(room.id);
      }
    }
  }

  stop(): void {
    if (this.overdueSweep !== null) clearInterval(this.overdueSweep);
    this.overdueSweep = null;
    for (const timer of this.fillTimers.values()) clearTimeout(timer);
    this.fillTimers.clear();
  }

  private async createRoom(userId: string, username: string, mode: GameMode, config: RoomConfig, rating: number | null): Promise<Room> {
    const resolved = resolveConfig(mode, config);
    resolveRules(this.rulesOf(resolved));
    const now = nowIso();
    for (let attempt = 0; ; attempt++) {
      const room: Room = {
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
      };
      try {
        await this.deps.db.transaction().execute(async (trx) => {
          await this.deps.store.insert(trx, room);
          await this.deps.store.addMember(trx, room.id, userId, 0);
        });
      } catch (error) {
        if (isUniqueViolation(error) && attempt < 5) continue;
        throw error;
      }
      await this.queued(room);
      this.armFillTimer(room);
      return room;
    }
  }

  /** Seats a person in the first open seat of a waiting room; null when the room is full or no longer waiting. */
  private async trySeat(roomId: string, userId: string, username: string, rating: number | null): Promise<Room | null> {
    let joinedSeat: Seat | null = null;
    const room = await this.mutate(roomId, async (trx, current) => {
      const open = current.seats.find(isOpen);
      if (current.status !== 'waiting' || open === undefined) return current;
      await this.deps.store.addMember(trx, roomId, userId, open.seat);
      joinedSeat = open.seat;
      const seats = current.seats.map((seat) => (seat.seat === open.seat ? personSeat(open.seat, userId, username, current.gameMode !== 'custom') : seat));
      return { ...current, seats, rating: rating === null ? current.rating : await this.meanRating(trx, current, seats) };
    });
    if (joinedSeat === null) return null;
    this.notify(room, 'PLAYER_JOINED', (viewer) => ({ roomId, seat: joinedSeat, userId, username, room: this.view(room, viewer) }), []);
    return this.startIfReady(room);
  }

  /** Starts the game when every seat is taken and every person is ready. */
  private async startIfReady(room: Room): Promise<Room> {
    if (room.status !== 'waiting' || !room.seats.every((seat) => !isOpen(seat) && (seat.userId === null || seat.ready))) return room;
    return this.start(room.id);
  }

  /** Fills open seats with bots of the room's level and deals. */
  private async start(roomId: string): Promise<Room> {
    const gameId = randomUUID();
    let started = false;
    const room = await this.mutate(roomId, async (trx, current) => {
      if (current.status !== 'waiting') return current;
      const seats = current.seats.map((seat) => (isOpen(seat) ? botSeat(current.id, seat.seat, current.config.bot_level) : seat));
      if (!seats.some(isPerson)) return { ...current, status: 'finished' };
      await this.deps.tables.create(trx, {
        gameId,
        roomId,
        gameMode: current.gameMode,
        baseBet: current.config.base_bet,
        rules: this.rulesOf(current.config),
        replacementLevel: current.config.bot_level,
        seats: seats.map((seat) => ({
          userId: seat.userId,
          username: seat.username ?? botUsername(roomId, seat.seat),
          botLevel: seat.userId === null ? seat.botLevel : null,
        })),
      });
      started = true;
      return { ...current, seats, status: 'playing', gameId };
    });
    this.clearFillTimer(roomId);
    if (started) {
      this.notify(room, 'ROOM_UPDATE', (viewer) => ({ roomId, room: this.view(room, viewer) }), []);
      await this.deps.tables.open(gameId);
    }
    return room;
  }

  private rulesOf(config: Room['config']): Partial<Rules> {
    const matchEnd = config.match_length === 'A' ? ({ kind: 'a-level' } as const) : ({ kind: 'deals', deals: config.match_length } as const);
    return { ...(config.rules as Partial<Rules>), matchEnd };
  }

  /**
   * Tells matchmaking where a room stands, once its change has committed. A failure here leaves the queue behind the
   * room, which costs at most a missed match: the room still fills with bots when its wait is over.
   */
  private async queued(room: Room): Promise<void> {
    await this.deps.matchQueue.changed(room).catch(() => undefined);
  }

  /** Reads, changes and writes a room under this node's lock for it, in one transaction with compare-and-set. */
  private async mutate(roomId: string, change: (trx: Transaction<Database>, room: Room) => Promise<Room>): Promise<Room> {
    const room = await this.queue.run(roomId, async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await this.deps.db.transaction().execute(async (trx) => {
            const current = await this.deps.store.get(roomId, trx);
            const next = await change(trx, current);
            return next === current ? current : this.deps.store.update(trx, next);
          });
        } catch (error) {
          // Another node changed the room between our read and write: read it again.
          if (error instanceof ProtocolError && error.code === 'CONFLICT' && attempt < 3) continue;
          throw error;
        }
      }
    });
    await this.queued(room);
    return room;
  }

  private armFillTimer(room: Room): void {
    if (room.gameMode === 'custom' || this.fillTimers.has(room.id)) return;
    const remaining = Math.max(0, Date.parse(room.createdAt) + this.fillWait(room) - Date.now());
    const timer = setTimeout(() => {
      this.fillTimers.delete(room.id);
      this.start(room.id).catch(() => undefined);
    }, remaining);
    this.fillTimers.set(room.id, timer);
  }

  /** When bots fill a matchmade room still waiting, ms since the epoch; null for custom rooms and rooms under way. */
  private fillAt(room: Room): number | null {
    if (room.gameMode === 'custom' || room.status !== 'waiting') return null;
    return Date.parse(room.createdAt) + this.fillWait(room);
  }

  private fillWait(room: Room): number {
    return room.gameMode === 'ranked' ? this.deps.config.RANKED_BOT_FILL_MS : this.deps.config.QUICK_MATCH_BOT_FILL_MS;
  }

  private clearFillTimer(roomId: string): void {
    const timer = this.fillTimers.get(roomId);
    if (timer !== undefined) clearTimeout(timer);
    this.fillTimers.delete(roomId);
  }

  private async meanRating(trx: Transaction<Database>, room: Room, seats: RoomSeat[]): Promise<number | null> {
    if (room.gameMode !== 'ranked') return null;
    const people = seats.filter(isPerson);
    if (people.length === 0) return null;
    const ratings = await Promise.all(people.map((seat) => this.deps.players.rating(seat.userId as string, trx)));
    return ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length;
  }

  /** Each recipient gets the payload as they may see it (`payloadFor` their id), under one message id. */
  private notify<T extends 'PLAYER_JOINED' | 'PLAYER_LEFT' | 'ROOM_UPDATE'>(
    room: Room,
    type: T,
    payloadFor: (viewerId: string) => AnyServerMessage['payload'],
    alsoTo: string[],
  ): void {
    const envelope = { type, timestamp: Date.now(), messageId: randomUUID(), seq: 0 };
    const recipients = new Set([...room.seats.filter(isPerson).map((seat) => seat.userId as string), ...alsoTo]);
    for (const userId of recipients) this.deps.outbound.sendToUser(userId, { ...envelope, payload: payloadFor(userId) } as AnyServerMessage);
  }
}

function openSeat(seat: Seat): RoomSeat {
  return { seat, userId: null, username: null, botLevel: null, ready: false };
}

/** A bot's name is its persona's, stable for the seat of the room; the app shows the persona in the player's language. */
function botSeat(roomId: string, seat: Seat, level: BotLevel): RoomSeat {
  return { seat, userId: null, username: botUsername(roomId, seat), botLevel: level, ready: true };
}

/** Matchmade players are ready at once; custom rooms ready up. */
function personSeat(seat: Seat, userId: string, username: string, ready: boolean): RoomSeat {
  return { seat, userId, username, botLevel: null, ready };
}
