import type { Transaction } from 'kysely';
import type { Db, Executor } from './database.js';
import type { Database } from './schema.js';

declare const opaque: unique symbol;

/**
 * One transaction that several domains write in together (a game's end: its last event, its record, its room).
 * Domains hand it to each other without seeing the database behind it; each turns it back into the transaction it
 * is (`transactionOf`) only to give it to its own store.
 */
export interface UnitOfWork {
  readonly [opaque]: 'UnitOfWork';
}

export function unitOfWork(trx: Transaction<Database>): UnitOfWork {
  return trx as unknown as UnitOfWork;
}

export function transactionOf(work: UnitOfWork): Transaction<Database> {
  return work as unknown as Transaction<Database>;
}

/** Where a store's query runs: inside the unit of work if there is one, on the database otherwise. */
export function executorOf(work: UnitOfWork | undefined, db: Db): Executor {
  return work === undefined ? db : transactionOf(work);
}

/** Runs `work` in a new transaction: all of its writes commit together, or none. */
export function inUnitOfWork<T>(db: Db, work: (work: UnitOfWork) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => work(unitOfWork(trx)));
}
