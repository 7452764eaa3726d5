import { type Friend, ProtocolError, type PublicUser } from '@guandan/protocol';
import { type Db, nowIso } from '../platform/db/database.js';
import { isUniqueViolation } from '../platform/db/unique-violation.js';
import type { Presence } from '../realtime/index.js';
import type { UsersService } from '../users/index.js';
import { type FriendshipRow, FriendsStore } from './friends-store.js';

/** Whom a friend request is for: exactly one of the two. */
export interface FriendTarget {
  user_id?: string;
  username?: string;
}

type FriendStatus = Friend['status'];

/** Requests waiting for an answer come first in the list, then friends, then one's own open requests. */
const LIST_ORDER: Record<FriendStatus, number> = { incoming: 0, accepted: 1, outgoing: 2 };

export class FriendsService {
  private readonly store: FriendsStore;

  constructor(
    db: Db,
    private readonly users: UsersService,
    private readonly presence: Presence,
  ) {
    this.store = new FriendsStore(db);
  }

  /** Asks `target` to be friends; when they had already asked, the two become friends. */
  async request(userId: string, target: FriendTarget): Promise<Friend> {
    const other = await this.resolve(target);
    if (other.user_id === userId) throw new ProtocolError('BAD_REQUEST', 'you cannot befriend yourself');
    try {
      return await this.requestOnce(userId, other);
    } catch (error) {
      // Their request crossed ours: it is there now, so the second look accepts it.
      if (isUniqueViolation(error)) return this.requestOnce(userId, other);
      throw error;
    }
  }

  async accept(userId: string, requesterId: string): Promise<Friend> {
    const at = nowIso();
    if (!(await this.store.accept(requesterId, userId, at))) throw new ProtocolError('NOT_FOUND', `no friend request from ${requesterId}`);
    return this.friend(await this.users.getPublic(requesterId), 'accepted', at);
  }

  async decline(userId: string, requesterId: string): Promise<void> {
    if (!(await this.store.deletePending(requesterId, userId))) throw new ProtocolError('NOT_FOUND', `no friend request from ${requesterId}`);
  }

  async remove(userId: string, friendId: string): Promise<void> {
    if (!(await this.store.deleteAccepted(userId, friendId))) throw new ProtocolError('NOT_FRIENDS', `you are not friends with ${friendId}`);
  }

  /** Friends and open requests both ways, with who is online now. */
  async list(userId: string): Promise<Friend[]> {
    const rows = await this.store.listFor(userId);
    const profiles = await this.users.publicProfiles(rows.map((row) => otherSide(row, userId)));
    return rows
      .flatMap((row) => {
        const profile = profiles.get(otherSide(row, userId));
        return profile === undefined ? [] : [this.friend(profile, statusFor(row, userId), row.updated_at)];
      })
      .sort((a, b) => LIST_ORDER[a.status] - LIST_ORDER[b.status] || a.user.username.localeCompare(b.user.username));
  }

  private async requestOnce(userId: string, other: PublicUser): Promise<Friend> {
    const existing = await this.store.findBetween(userId, other.user_id);
    if (existing === undefined) {
      const at = nowIso();
      await this.store.insertRequest(userId, other.user_id, at);
      return this.friend(other, 'outgoing', at);
    }
    if (existing.status === 'accepted') throw new ProtocolError('CONFLICT', `you are already friends with ${other.username}`);
    if (existing.requester_id === userId) throw new ProtocolError('FRIEND_REQUEST_EXISTS', `you have asked ${other.username} already`);
    return this.accept(userId, other.user_id);
  }

  private async resolve(target: FriendTarget): Promise<PublicUser> {
    if (target.user_id !== undefined) return this.users.getPublic(target.user_id);
    const found = target.username === undefined ? undefined : await this.users.findPublicByUsername(target.username);
    if (found === undefined) throw new ProtocolError('NOT_FOUND', `no user named ${target.username}`);
    return found;
  }

  private friend(user: PublicUser, status: FriendStatus, since: string): Friend {
    return { user, status, online: this.presence.isOnline(user.user_id), since };
  }
}

function otherSide(row: FriendshipRow, userId: string): string {
  return row.requester_id === userId ? row.addressee_id : row.requester_id;
}

function statusFor(row: FriendshipRow, userId: string): FriendStatus {
  if (row.status === 'accepted') return 'accepted';
  return row.requester_id === userId ? 'outgoing' : 'incoming';
}
