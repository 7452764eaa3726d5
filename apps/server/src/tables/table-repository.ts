import type { Action } from '@guandan/engine';
import type { UnitOfWork } from '../platform/db/unit-of-work.js';
import type { TableSnapshot } from './snapshot.js';
import type { TableEvent } from './table-reducer.js';

/** A stored table as written: its last snapshot and the events after it (recovery folds them over it). */
export interface LoadedTable {
  snapshot: TableSnapshot;
  snapshotSeq: number;
  status: 'playing' | 'finished';
  events: TableEvent[];
}

/**
 * Events to add to a table's log, numbered from the table's current seq + 1. If another writer already holds the
 * first seq (a node that took the table over), nothing of the write is applied and it fails with CONFLICT.
 */
export interface TableWrite {
  gameId: string;
  events: TableEvent[];
  /** The table after these events, to store as its snapshot (at the end of a deal, every few events, at the end). */
  snapshot?: { table: TableSnapshot; status: 'playing' | 'finished' };
  /** Writes that must commit with these events (a finished game's record, a room's seat freed). */
  alsoInTransaction?: (work: UnitOfWork) => Promise<void>;
}

/** Where tables are kept: a snapshot and an append-only event log per table. */
export interface TableRepository {
  /** A new table, dealt: stored in the room's transaction that creates it. */
  insert(table: TableSnapshot, work?: UnitOfWork): Promise<void>;
  load(gameId: string): Promise<LoadedTable | undefined>;
  playingIds(): Promise<string[]>;
  /** Resolves once the write is committed (never before: acknowledgements wait for it). */
  append(write: TableWrite): Promise<void>;
  eventsAfter(gameId: string, seq: number, limit: number): Promise<TableEvent[]>;
  /** Every client message a table's events answered, with the event's seq. */
  clientMessages(gameId: string): Promise<{ userId: string; clientMsgId: string; seq: number }[]>;
  /** Every engine action of a table in order, for its record and replay. */
  actions(gameId: string, work?: UnitOfWork): Promise<Action[]>;
}
