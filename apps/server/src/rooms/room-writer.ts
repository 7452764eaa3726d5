import { ProtocolError } from '@guandan/protocol';
import type { Transaction } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';
import { isUniqueViolation } from '../platform/db/unique-violation.js';
import { KeyedQueue } from '../platform/keyed-queue.js';
import type { MatchQueue } from './match-queue.js';
import type { Room } from './room.js';
import type { RoomStore } from './room-store.js';

/** Returns the room as it should be, or the very room it was given to leave it unwritten. */
export type RoomChange = (trx: Transaction<Database>, room: Room) => Promise<Room>;

/**
 * Every write of a room row. Nodes of a cluster change the same rooms, so a change is read and written in one
 * transaction under compare-and-set, and read again when another node got in between; on this node, changes to a
 * room wait in line so that it never conflicts with itself. Once a write has committed, matchmaking hears of it.
 */
export class RoomWriter {
  private readonly queue = new KeyedQueue();

  constructor(private readonly deps: { db: Db; store: RoomStore; matchQueue: MatchQueue }) {}

  /** Inserts a new room with its creator in seat 0; `build` runs again, drawing a new invite code, if the code was taken. */
  async create(build: () => Room, creatorId: string): Promise<Room> {
    for (let attempt = 0; ; attempt++) {
      const room = build();
      try {
        await this.deps.db.transaction().execute(async (trx) => {
          await this.deps.store.insert(trx, room);
          await this.deps.store.addMember(trx, room.id, creatorId, 0);
        });
      } catch (error) {
        if (isUniqueViolation(error) && attempt < 5) continue;
        throw error;
      }
      await this.queued(room);
      return room;
    }
  }

  async mutate(roomId: string, change: RoomChange): Promise<Room> {
    const room = await this.queue.run(roomId, async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await this.deps.db.transaction().execute(async (trx) => {
            const current = await this.deps.store.get(roomId, trx);
            const next = await change(trx, current);
            return next === current ? current : this.deps.store.update(trx, next);
          });
        } catch (error) {
          if (error instanceof ProtocolError && error.code === 'CONFLICT' && attempt < 3) continue;
          throw error;
        }
      }
    });
    await this.queued(room);
    return room;
  }

  /** A failure here leaves the queue behind the room, which costs at most a missed match: the room still fills with bots when its wait is over. */
  private async queued(room: Room): Promise<void> {
    await this.deps.matchQueue.changed(room).catch(() => undefined);
  }
}
