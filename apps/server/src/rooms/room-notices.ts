import { randomUUID } from 'node:crypto';
import type { Seat } from '@guandan/engine';
import type { AnyServerMessage, GameRoom, ServerPayloads } from '@guandan/protocol';
import type { UserOutbound } from '../platform/user-outbound.js';
import { isPerson, type Room } from './room.js';

type NoticeType = 'PLAYER_JOINED' | 'PLAYER_LEFT' | 'ROOM_UPDATE';
/** A notice as one recipient gets it; the envelope is shared by all of them. */
type Notice = { [T in NoticeType]: { type: T; payload: ServerPayloads[T] } }[NoticeType];

/**
 * Tells the people of a room that it changed. Each gets the room as they may see it (`view`: the invite code is
 * for its members only), so the payload is built per recipient, under one message id.
 */
export class RoomNotices {
  constructor(
    private readonly outbound: UserOutbound,
    private readonly view: (room: Room, viewerId: string) => GameRoom,
  ) {}

  joined(room: Room, seat: Seat, userId: string, username: string): void {
    this.send(room, [], (viewer) => ({ type: 'PLAYER_JOINED', payload: { roomId: room.id, seat, userId, username, room: this.view(room, viewer) } }));
  }

  /** The person who left is told too: they are no longer among the room's people. */
  left(room: Room, seat: Seat, userId: string): void {
    this.send(room, [userId], (viewer) => ({
      type: 'PLAYER_LEFT',
      payload: { roomId: room.id, seat, userId, replacedBy: null, room: this.view(room, viewer) },
    }));
  }

  started(room: Room): void {
    this.send(room, [], (viewer) => ({ type: 'ROOM_UPDATE', payload: { roomId: room.id, room: this.view(room, viewer) } }));
  }

  private send(room: Room, alsoTo: string[], noticeFor: (viewerId: string) => Notice): void {
    const envelope = { timestamp: Date.now(), messageId: randomUUID(), seq: 0 };
    const recipients = new Set([...room.seats.filter(isPerson).map((seat) => seat.userId as string), ...alsoTo]);
    for (const userId of recipients) {
      const message: AnyServerMessage = { ...envelope, ...noticeFor(userId) };
      this.outbound.sendToUser(userId, message);
    }
  }
}
