import type { Db } from '../platform/db/database.js';
import { executorOf, type UnitOfWork } from '../platform/db/unit-of-work.js';
import { applyLedgerEntry, balanceOf, balancesOf, type LedgerEntryRow, ledgerCount, ledgerPage, type LedgerResult, type LedgerWrite } from './ledger.js';

/**
 * The coins domain as others use it: a person's game coins and the entries behind them. Every change is a ledger
 * entry; pass a unit of work to make it part of a larger write (an account and its starting coins).
 */
export class CoinAccounts {
  constructor(private readonly db: Db) {}

  balanceOf(userId: string, work?: UnitOfWork): Promise<number> {
    return balanceOf(executorOf(work, this.db), userId);
  }

  /** The balances of several people at once (none: 0). */
  balancesOf(userIds: readonly string[]): Promise<Map<string, number>> {
    return balancesOf(this.db, userIds);
  }

  apply(write: LedgerWrite, work?: UnitOfWork): Promise<LedgerResult> {
    return applyLedgerEntry(executorOf(work, this.db), write);
  }

  /** A person's entries, newest first. */
  entries(userId: string, page: number, limit: number): Promise<LedgerEntryRow[]> {
    return ledgerPage(this.db, userId, page, limit);
  }

  /** How many entries a person has in all. */
  entryCount(userId: string): Promise<number> {
    return ledgerCount(this.db, userId);
  }
}
