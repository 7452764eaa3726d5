import type { CoinFlowDay } from '@guandan/protocol';
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.js';

const DAYS_SHOWN = 30;

/** Game coins in the economy: how many there are, and where they came from and went each day (from the ledger). */
export class CoinFlows {
  constructor(private readonly db: Db) {}

  async supply(): Promise<{ accounts: number; supply: number }> {
    const row = await this.db
      .selectFrom('coin_balances')
      .select((eb) => [eb.fn.countAll<number | string>().as('accounts'), eb.fn.coalesce(eb.fn.sum<number | string>('balance'), sql<number>`0`).as('supply')])
      .executeTakeFirstOrThrow();
    return { accounts: Number(row.accounts), supply: Number(row.supply) };
  }

  /** The last days with entries, newest first: the ledger's reasons say what each entry was (ledger.ts writers). */
  async byDay(): Promise<CoinFlowDay[]> {
    const day = sql<string>`substr(created_at, 1, 10)`;
    const sumWhere = (condition: ReturnType<typeof sql>) => sql<number>`coalesce(sum(case when ${condition} then amount else 0 end), 0)`;
    const rows = await this.db
      .selectFrom('coin_ledger')
      .select([
        day.as('day'),
        sumWhere(sql`reason = 'starting grant'`).as('granted'),
        sumWhere(sql`reason like 'deal won%'`).as('won'),
        sumWhere(sql`reason like 'deal lost%'`).as('lost'),
        sumWhere(sql`reason like 'correction:%'`).as('corrected'),
      ])
      .groupBy(day)
      .orderBy(day, 'desc')
      .limit(DAYS_SHOWN)
      .execute();
    return rows.map((row) => ({ day: row.day, granted: Number(row.granted), won: Number(row.won), lost: Number(row.lost), corrected: Number(row.corrected) }));
  }
}
