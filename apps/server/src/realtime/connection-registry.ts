import type { AnyServerMessage } from '@guandan/protocol';
import type { Connection } from './connection.js';
import type { Presence } from './presence.js';

/** Open connections by user: presence, and delivery of a message to every device of a user. */
export class ConnectionRegistry implements Presence {
  private readonly byUser = new Map<string, Set<Connection>>();

  constructor(private readonly onPresence: (userId: string, online: boolean) => void) {}

  get size(): number {
    let count = 0;
    for (const set of this.byUser.values()) count += set.size;
    return count;
  }

  add(connection: Connection): void {
    let set = this.byUser.get(connection.userId);
    const first = set === undefined;
    if (set === undefined) {
      set = new Set();
      this.byUser.set(connection.userId, set);
    }
    set.add(connection);
    if (first) this.onPresence(connection.userId, true);
  }

  remove(connection: Connection): void {
    const set = this.byUser.get(connection.userId);
    if (set === undefined || !set.delete(connection)) return;
    if (set.size === 0) {
      this.byUser.delete(connection.userId);
      this.onPresence(connection.userId, false);
    }
  }

  isOnline = (userId: string): boolean => this.byUser.has(userId);

  sendToUser = (userId: string, message: AnyServerMessage): void => {
    const set = this.byUser.get(userId);
    if (set === undefined) return;
    const serialized = JSON.stringify(message);
    for (const connection of set) connection.send(message, serialized);
  };

  all(): Connection[] {
    return [...this.byUser.values()].flatMap((set) => [...set]);
  }
}
