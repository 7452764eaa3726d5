import type { Seat } from '@guandan/engine';
import type { GameStatePayload } from '@guandan/protocol';
import type { ClockTimer } from '../platform/clock.js';
import { AnsweredMessages } from './answered-messages.js';
import { ServerPlayers } from './server-play.js';
import type { TableSnapshot } from './snapshot.js';

/** A table this node runs: its state, where its log and snapshot stand, its timer, and the work queued on it. */
export class LiveTable {
  /** Everything that changes the table runs through this chain, one at a time. */
  queue: Promise<void> = Promise.resolve();
  timer: ClockTimer | null = null;
  /** The view each seat was last sent, and at which seq: the next one goes as what changed since (a delta). */
  readonly sentViews = new Map<Seat, { seq: number; payload: GameStatePayload }>();

  constructor(
    public table: TableSnapshot,
    /** The seq of the table's last event. */
    public version: number,
    /** The seq of the last event the stored snapshot includes. */
    public snapshotSeq: number,
    /** When the seats to act last changed (an action, 托管, a quit, or opening the table): bots wait from here. */
    public changedAt: number,
    readonly answered: AnsweredMessages,
    readonly players: ServerPlayers,
  ) {}

  get gameId(): string {
    return this.table.gameId;
  }
}
