import type { AnyServerMessage, SessionEndReason } from '@guandan/protocol';
import type { Connection } from './connection.js';
import type { Presence } from './presence.js';

/**
 * What happens when a user's first connection on this node opens or their last one closes: presence for the
 * tables, and on a cluster, following the user's channel. The first connection's messages wait for `opened`.
 */
export interface PresenceHooks {
  opened(userId: string): Promise<void> | void;
  closed(userId: string): void;
}

/**
 * Where a user's sockets are counted beyond this node (on a cluster, Redis): told of each socket that opens or
 * closes, it evicts the user's oldest sockets, wherever they are, once they hold more than their share.
 */
export interface SocketCounter {
  opened(connection: Connection): void;
  closed(connection: Connection): void;
}

/**
 * Open connections by user on this node: local presence, and delivery of a message to every device of a user.
 * A user holds at most `socketsPerUser` here: one more evicts their oldest (each socket costs the fan-out of every
 * message the user receives, so the count must not be the client's to choose).
 */
export class ConnectionRegistry implements Presence {
  private readonly byUser = new Map<string, Set<Connection>>();
  private readonly opening = new Map<string, Promise<void>>();
  private count = 0;

  constructor(
    private readonly hooks: PresenceHooks,
    private readonly socketsPerUser: number,
    private readonly counter?: SocketCounter,
  ) {}

  /** Open connections on this node (kept as a count: it is read on every open and close). */
  get size(): number {
    return this.count;
  }

  /** Resolves when the user's presence is established (at once for a second device). */
  add(connection: Connection): Promise<void> {
    const userId = connection.userId;
    let set = this.byUser.get(userId);
    if (set === undefined) {
      set = new Set();
      this.byUser.set(userId, set);
      this.opening.set(userId, Promise.resolve(this.hooks.opened(userId)));
    }
    // A Set iterates in insertion order: the first ones are the oldest.
    for (const oldest of set) {
      if (set.size < this.socketsPerUser) break;
      set.delete(oldest);
      this.count--;
      this.counter?.closed(oldest);
      oldest.evict();
    }
    set.add(connection);
    this.count++;
    this.counter?.opened(connection);
    return this.opening.get(userId) ?? Promise.resolve();
  }

  /** Evicts one socket of a user if it is on this node (another node counted one too many for them). */
  evict(userId: string, connectionId: string): void {
    for (const connection of this.byUser.get(userId) ?? []) if (connection.id === connectionId) connection.evict();
  }

  /** Closes every socket of the user on this node: an operator ended their sessions. */
  endSessions(userId: string, reason: SessionEndReason): void {
    for (const connection of [...(this.byUser.get(userId) ?? [])]) connection.endSession(reason);
  }

  /** Whether the user has a socket open on this node. */
  holds(userId: string): boolean {
    return this.byUser.has(userId);
  }

  remove(connection: Connection): void {
    const set = this.byUser.get(connection.userId);
    if (set === undefined || !set.delete(connection)) return;
    this.count--;
    this.counter?.closed(connection);
    if (set.size === 0) {
      this.byUser.delete(connection.userId);
      this.opening.delete(connection.userId);
      this.hooks.closed(connection.userId);
    }
  }

  isOnline = (userId: string): boolean => this.byUser.has(userId);

  sendToUser = (userId: string, message: AnyServerMessage): void => {
    if (this.byUser.has(userId)) this.deliver(userId, message.seq, JSON.stringify(message));
  };

  sendToUsers = (userIds: readonly string[], message: AnyServerMessage): void => {
    let serialized: string | null = null;
    for (const userId of userIds) {
      if (!this.byUser.has(userId)) continue;
      serialized ??= JSON.stringify(message);
      this.deliver(userId, message.seq, serialized);
    }
  };

  deliver = (userId: string, seq: number, serialized: string): void => {
    for (const connection of this.byUser.get(userId) ?? []) connection.sendSerialized(seq, serialized);
  };

  all(): Connection[] {
    return [...this.byUser.values()].flatMap((set) => [...set]);
  }
}
