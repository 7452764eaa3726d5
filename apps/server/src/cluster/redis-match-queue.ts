import { type FindRoom, type MatchedMode, type MatchQueue, queueable } from '../rooms/index.js';
import type { Room } from '../rooms/index.js';
import type { RedisLink } from './redis-link.js';

/** How many queued rooms one matchmaking request looks at. */
const LOOK_AT = 50;

/**
 * The matchmaking queues of a cluster: a sorted set per mode of the rooms with an open seat, scored by creation
 * time. Rooms are read from the database to be seated; a room that left the queue's conditions is dropped from it
 * when found. A room missing from the queue (a crash between commit and queueing) still starts with bots when its
 * wait is over.
 */
export class RedisMatchQueue implements MatchQueue {
  constructor(
    private readonly link: RedisLink,
    private readonly findRoom: FindRoom,
  ) {}

  async candidates(mode: MatchedMode): Promise<Room[]> {
    const ids = await this.link.commands.zrange(this.key(mode), '0', String(LOOK_AT - 1));
    const rooms: Room[] = [];
    for (const id of ids) {
      const room = await this.findRoom(id).catch(() => undefined);
      if (room !== undefined && queueable(room)) rooms.push(room);
      else await this.link.commands.zrem(this.key(mode), id);
    }
    return rooms;
  }

  async changed(room: Room): Promise<void> {
    if (room.gameMode === 'custom') return;
    if (queueable(room)) await this.link.commands.zadd(this.key(room.gameMode), Date.parse(room.createdAt), room.id);
    else await this.link.commands.zrem(this.key(room.gameMode), room.id);
  }

  private key(mode: MatchedMode): string {
    return this.link.key('match', mode);
  }
}
