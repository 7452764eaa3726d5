import type { AnyServerMessage } from '@guandan/protocol';

/**
 * The client message ids a user sent lately and the direct answers they got, so that a retried message is answered
 * again instead of applied again. Bounded per user and in all (the user unheard from longest is dropped first), and
 * a user's entries are forgotten a grace period after their last socket on this node closed: a client that left
 * does not keep memory. Game actions are also deduplicated by the table's log in the store, which survives restarts.
 */
export class ReplyCache {
  private readonly byUser = new Map<string, Map<string, AnyServerMessage[]>>();
  private readonly leaving = new Map<string, NodeJS.Timeout>();
  private entries = 0;

  constructor(
    private readonly limits: { perUser: number; total: number; graceMs: number },
    /** Told the number of replies remembered whenever it changes (a metric). */
    private readonly onSize: (entries: number) => void = () => undefined,
  ) {}

  /** Replies remembered, over every user. */
  get size(): number {
    return this.entries;
  }

  get(userId: string, id: string): AnyServerMessage[] | undefined {
    return this.byUser.get(userId)?.get(id);
  }

  remember(userId: string, id: string, replies: AnyServerMessage[]): void {
    let entries = this.byUser.get(userId);
    if (entries === undefined) entries = new Map();
    // Re-inserted, the user moves to the end: the map's first user is the one unheard from longest.
    this.byUser.delete(userId);
    this.byUser.set(userId, entries);
    if (!entries.has(id)) this.entries++;
    entries.set(id, replies);
    if (entries.size > this.limits.perUser) this.drop(entries, entries.keys().next().value as string);
    while (this.entries > this.limits.total) this.dropOldestUser();
    this.onSize(this.entries);
  }

  /** The user's last socket on this node closed: forget them after the grace, unless they come back. */
  userLeft(userId: string): void {
    this.userBack(userId);
    const timer = setTimeout(() => {
      this.leaving.delete(userId);
      this.forget(userId);
    }, this.limits.graceMs);
    timer.unref();
    this.leaving.set(userId, timer);
  }

  userBack(userId: string): void {
    clearTimeout(this.leaving.get(userId));
    this.leaving.delete(userId);
  }

  forget(userId: string): void {
    this.entries -= this.byUser.get(userId)?.size ?? 0;
    this.byUser.delete(userId);
    this.onSize(this.entries);
  }

  /** Stops the pending forgets (the node is shutting down). */
  clear(): void {
    for (const timer of this.leaving.values()) clearTimeout(timer);
    this.leaving.clear();
    this.byUser.clear();
    this.entries = 0;
    this.onSize(0);
  }

  private drop(entries: Map<string, AnyServerMessage[]>, id: string): void {
    if (entries.delete(id)) this.entries--;
  }

  private dropOldestUser(): void {
    const oldest = this.byUser.keys().next();
    if (oldest.done === true) return;
    this.forget(oldest.value);
  }
}
