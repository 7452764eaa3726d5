import { randomUUID } from 'node:crypto';
import { botUsername } from '@guandan/protocol';
import { unitOfWork } from '../platform/db/unit-of-work.js';
import type { TablePort } from '../tables/index.js';
import type { BotFill } from './bot-fill.js';
import { botSeat, isOpen, isPerson, type Room } from './room.js';
import type { RoomNotices } from './room-notices.js';
import type { RoomWriter } from './room-writer.js';
import { rulesOf } from './room-rules.js';

/** A waiting room becomes a game: its open seats go to bots, and the tables domain deals. */
export class GameStart {
  constructor(private readonly deps: { writer: RoomWriter; tables: TablePort; fill: BotFill; notices: RoomNotices }) {}

  /** Starts the game when every seat is taken and every person is ready. */
  async ifReady(room: Room): Promise<Room> {
    if (room.status !== 'waiting' || !room.seats.every((seat) => !isOpen(seat) && (seat.userId === null || seat.ready))) return room;
    return this.start(room.id);
  }

  /** Starts the game now, with bots of the room's level in the open seats; a room nobody is left in closes instead. */
  async start(roomId: string): Promise<Room> {
    const gameId = randomUUID();
    let started = false;
    const room = await this.deps.writer.mutate(roomId, async (trx, current) => {
      if (current.status !== 'waiting') return current;
      const seats = current.seats.map((seat) => (isOpen(seat) ? botSeat(current.id, seat.seat, current.config.bot_level) : seat));
      if (!seats.some(isPerson)) return { ...current, status: 'finished' };
      // The table is created in the room's transaction: a room never plays without its table, nor the reverse.
      await this.deps.tables.create(unitOfWork(trx), {
        gameId,
        roomId,
        gameMode: current.gameMode,
        baseBet: current.config.base_bet,
        rules: rulesOf(current.config),
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
    this.deps.fill.clear(roomId);
    if (started) {
      this.deps.notices.started(room);
      await this.deps.tables.open(gameId);
    }
    return room;
  }
}
