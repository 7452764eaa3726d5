import { ProtocolError } from '@guandan/protocol';
import type { Kysely } from 'kysely';
import { type Executor, nowIso } from '../platform/db/database.js';
import type { Database, RoomsTable } from '../platform/db/schema.js';
import { isUniqueViolation } from '../platform/db/unique-violation.js';
import type { Room } from './room.js';


function fromRow(row: RoomsTable): Room {
  return {
    id: row.id,
    gameMode: row.game_mode,
    status: row.status,
    inviteCode: row.invite_code,
    creatorId: row.creator_id,
    config: JSON.parse(row.config) as Room['config'],
    seats: JSON.parse(row.seats) as Room['seats'],
    gameId: row.game_id,
    rating: row.rating,
    version: row.version,
    createdAt: row.created_at,
  };
}

/** Rooms and their members. Every room write is a compare-and-set on the room's version. */
export class RoomStore {
  constructor(private readonly db: Kysely<Database>) {}

  async find(id: string, db: Executor = this.db): Promise<Room | undefined> {
    const row = await db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  }

  async get(id: string, db: Executor = this.db): Promise<Room> {
    const room = await this.find(id, db);
    if (room === undefined) throw new ProtocolError('ROOM_NOT_FOUND', `no room ${id}`);
    return room;
  }

  async findByInviteCode(code: string): Promise<Room | undefined> {
    const row = await this.db.selectFrom('rooms').selectAll().where('invite_code', '=', code).executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  }

  /** Waiting rooms of a mode, oldest first. */
  async waiting(mode: Room['gameMode'], limit = 50, offset = 0): Promise<Room[]> {
    const rows = await this.db
      .selectFrom('rooms')
      .selectAll()
      .where('status', '=', 'waiting')
      .where('game_mode', '=', mode)
      .orderBy('created_at')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map(fromRow);
  }

  async roomOfUser(userId: string, db: Executor = this.db): Promise<string | undefined> {
    const row = await db.selectFrom('room_members').select('room_id').where('user_id', '=', userId).executeTakeFirst();
    return row?.room_id;
  }

  async insert(db: Executor, room: Room): Promise<void> {
    await db
      .insertInto('rooms')
      .values({
        id: room.id,
        game_mode: room.gameMode,
        status: room.status,
        invite_code: room.inviteCode,
        creator_id: room.creatorId,
        config: JSON.stringify(room.config),
        seats: JSON.stringify(room.seats),
        game_id: room.gameId,
        rating: room.rating,
        version: room.version,
        created_at: room.createdAt,
        updated_at: room.createdAt,
      })
      .execute();
  }

  /** Writes the room if nobody changed it since it was read; the new version, or CONFLICT. */
  async update(db: Executor, room: Room): Promise<Room> {
    const result = await db
      .updateTable('rooms')
      .set({
        status: room.status,
        creator_id: room.creatorId,
        seats: JSON.stringify(room.seats),
        game_id: room.gameId,
        rating: room.rating,
        version: room.version + 1,
        updated_at: nowIso(),
      })
      .where('id', '=', room.id)
      .where('version', '=', room.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new ProtocolError('CONFLICT', `room ${room.id} changed meanwhile`);
    return { ...room, version: room.version + 1 };
  }

  /** Seats a user in a room; ALREADY_IN_ROOM if they are in one (the unique key decides, even under a race). */
  async addMember(db: Executor, roomId: string, userId: string, seat: number): Promise<void> {
    const existing = await db.selectFrom('room_members').select('room_id').where('user_id', '=', userId).executeTakeFirst();
    if (existing !== undefined) throw new ProtocolError('ALREADY_IN_ROOM', `you are already in room ${existing.room_id}`);
    try {
      await db.insertInto('room_members').values({ user_id: userId, room_id: roomId, seat, joined_at: nowIso() }).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ProtocolError('ALREADY_IN_ROOM', 'you are already in a room');
      throw error;
    }
  }

  async removeMember(db: Executor, userId: string): Promise<void> {
    await db.deleteFrom('room_members').where('user_id', '=', userId).execute();
  }

  async removeAllMembers(db: Executor, roomId: string): Promise<void> {
    await db.deleteFrom('room_members').where('room_id', '=', roomId).execute();
  }
}
