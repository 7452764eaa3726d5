import type { AnyServerMessage } from '@guandan/protocol';
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

/** Open connections by user on this node: local presence, and delivery of a message to every device of a user. */
export class ConnectionRegistry implements Presence {
  private readonly byUser = new Map<string, Set<Connection>>();
  private readonly opening = new Map<string, Promise<void>>();

  constructor(private readonly hooks: PresenceHooks) {}

  get size(): number {
    let count = 0;
    for (const set of this.byUser.values()) count += set.size;
    return count;
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
    set.add(connection);
    return this.opening.get(userId) ?? Promise.resolve();
  }

  remove(connection: Connection): void {
    const set = this.byUser.get(connection.userId);
    if (set === undefined || !set.delete(connection)) return;
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

  deliver = (userId: string, seq: number, serialized: string): void => {
    for (const connection of this.byUser.get(userId) ?? []) connection.sendSerialized(seq, serialized);
  };

  all(): Connection[] {
    return [...this.byUser.values()].flatMap((set) => [...set]);
  }
}
