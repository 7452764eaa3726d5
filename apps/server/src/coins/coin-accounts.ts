import type { Db, Executor } from '../platform/db/database.js';
import { applyLedgerEntry, balanceOf, type LedgerEntryRow, ledgerPage, type LedgerResult, type LedgerWrite } from './ledger.js';

/**
 * The coins domain as others use it: a person's game coins and the entries behind them. Every change is a ledger
 * entry; pass a transaction as `executor` to make it part of a larger write (an account and its starting coins).
 */
export class CoinAccounts {
  constructor(private readonly db: Db) {}

  balanceOf(userId: string, executor: Executor = this.db): Promise<number> {
    return balanceOf(executor, userId);
  }

  apply(write: LedgerWrite, executor: Executor = this.db): Promise<LedgerResult> {
    return applyLedgerEntry(executor, write);
  }

  /** A person's entries, newest first. */
  entries(userId: string, page: number, limit: number): Promise<LedgerEntryRow[]> {
    return ledgerPage(this.db, userId, page, limit);
  }
}
