import type { AnyServerMessage } from '@guandan/protocol';

/**
 * The client message ids a user sent lately and the direct answers they got, so that a retried message is answered
 * again instead of applied again. Bounded per user (oldest forgotten first); game actions are also deduplicated by
 * the table's log in the store, which survives restarts.
 */
export class ReplyCache {
  private readonly byUser = new Map<string, Map<string, AnyServerMessage[]>>();

  constructor(private readonly perUser = 256) {}

  get(userId: string, id: string): AnyServerMessage[] | undefined {
    return this.byUser.get(userId)?.get(id);
  }

  remember(userId: string, id: string, replies: AnyServerMessage[]): void {
    let entries = this.byUser.get(userId);
    if (entries === undefined) {
      entries = new Map();
      this.byUser.set(userId, entries);
    }
    entries.set(id, replies);
    if (entries.size > this.perUser) entries.delete(entries.keys().next().value as string);
  }

  forget(userId: string): void {
    this.byUser.delete(userId);
  }
}
