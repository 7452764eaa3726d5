import { isOpen, type Room } from './room.js';
import type { RoomStore } from './room-store.js';

export type MatchedMode = 'quick_match' | 'ranked';

/** A room by id, as the rooms store holds it. */
export type FindRoom = (roomId: string) => Promise<Room | undefined>;

/**
 * The rooms matchmaking offers a seat in, oldest first. The database answers on one process; a cluster keeps the
 * queue in Redis (`cluster/redis-match-queue.ts`). Either way the room row, changed under compare-and-set, decides
 * whether a seat is still free: the queue only says where to look.
 */
export interface MatchQueue {
  candidates(mode: MatchedMode): Promise<Room[]>;
  /** A matchmade room was created or changed (after its transaction committed). */
  changed(room: Room): Promise<void>;
}

/** Whether a room belongs in the queue: matchmade, waiting, with an open seat. */
export function queueable(room: Room): room is Room & { gameMode: MatchedMode } {
  return room.gameMode !== 'custom' && room.status === 'waiting' && room.seats.some(isOpen);
}

/** The queue as a query of waiting rooms. */
export class DatabaseMatchQueue implements MatchQueue {
  constructor(private readonly store: RoomStore) {}

  candidates(mode: MatchedMode): Promise<Room[]> {
    return this.store.waiting(mode);
  }

  async changed(): Promise<void> {}
}
