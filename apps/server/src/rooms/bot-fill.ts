import type { Config } from '../config.js';
import type { Room } from './room.js';
import type { RoomStore } from './room-store.js';

const MATCHED_MODES = ['quick_match', 'ranked'] as const;
const OVERDUE_SWEEP_MS = 5000;
/** A timer that is alive fires on time: the sweep leaves it this long before it starts the room itself. */
const OVERDUE_GRACE_MS = 2000;

/**
 * Nobody waits for a quick-match or ranked game forever: when a room's wait is over, bots take its open seats and the
 * game starts. The node that created the room arms a timer for it; on a cluster that node may die, so every node
 * also sweeps now and then for rooms whose fill is overdue.
 */
export class BotFill {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private sweep: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: {
      store: RoomStore;
      config: Pick<Config, 'QUICK_MATCH_BOT_FILL_MS' | 'RANKED_BOT_FILL_MS'>;
      /** Fills the open seats with bots and deals; a room that started meanwhile is left as it is. */
      start: (roomId: string) => Promise<unknown>;
    },
  ) {}

  /** When bots fill a matchmade room still waiting, ms since the epoch; null for custom rooms and rooms under way. */
  fillAt(room: Room): number | null {
    if (room.gameMode === 'custom' || room.status !== 'waiting') return null;
    return Date.parse(room.createdAt) + this.wait(room);
  }

  arm(room: Room): void {
    if (room.gameMode === 'custom' || this.timers.has(room.id)) return;
    const remaining = Math.max(0, Date.parse(room.createdAt) + this.wait(room) - Date.now());
    const timer = setTimeout(() => {
      this.timers.delete(room.id);
      this.deps.start(room.id).catch(() => undefined);
    }, remaining);
    this.timers.set(room.id, timer);
  }

  clear(roomId: string): void {
    const timer = this.timers.get(roomId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(roomId);
  }

  /** After a restart the timers are gone: waiting rooms get theirs back, and the overdue sweep begins. */
  async resume(): Promise<void> {
    for (const mode of MATCHED_MODES) for (const room of await this.deps.store.waiting(mode, 1000)) this.arm(room);
    this.sweep ??= setInterval(() => void this.startOverdue().catch(() => undefined), OVERDUE_SWEEP_MS);
    this.sweep.unref();
  }

  stop(): void {
    if (this.sweep !== null) clearInterval(this.sweep);
    this.sweep = null;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async startOverdue(): Promise<void> {
    for (const mode of MATCHED_MODES) {
      for (const room of await this.deps.store.waiting(mode, 1000)) {
        if (Date.parse(room.createdAt) + this.wait(room) + OVERDUE_GRACE_MS < Date.now()) await this.deps.start(room.id);
      }
    }
  }

  private wait(room: Room): number {
    return room.gameMode === 'ranked' ? this.deps.config.RANKED_BOT_FILL_MS : this.deps.config.QUICK_MATCH_BOT_FILL_MS;
  }
}
