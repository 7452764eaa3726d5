import type { CoinFlowDay } from '@guandan/protocol';
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.js';

const DAYS_SHOWN = 30;
/** More days than any range asked for (ten years). */
const MAX_RANGE_DAYS = 3660;

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
    return this.flows();
  }

  /** The days from `fromDay` to `toDay` (YYYY-MM-DD) with entries, newest first. */
  async between(fromDay: string, toDay: string): Promise<CoinFlowDay[]> {
    return this.flows({ fromDay, toDay });
  }

  private async flows(range?: { fromDay: string; toDay: string }): Promise<CoinFlowDay[]> {
    const day = sql<string>`substr(created_at, 1, 10)`;
    const sumWhere = (condition: ReturnType<typeof sql>) => sql<number>`coalesce(sum(case when ${condition} then amount else 0 end), 0)`;
    let query = this.db.selectFrom('coin_ledger');
    // created_at is an ISO timestamp: every instant of toDay sorts below toDay followed by 'U'.
    if (range !== undefined) query = query.where('created_at', '>=', range.fromDay).where('created_at', '<', `${range.toDay}U`);
    const rows = await query
      .select([
        day.as('day'),
        sumWhere(sql`reason = 'starting grant'`).as('granted'),
        sumWhere(sql`reason like 'deal won%'`).as('won'),
        sumWhere(sql`reason like 'deal lost%'`).as('lost'),
        sumWhere(sql`reason like 'correction:%'`).as('corrected'),
        // `purchase: <pack>` and `purchase refunded: <pack>` / `purchase disputed: <pack>` (the payments domain's).
        sumWhere(sql`reason like 'purchase%'`).as('purchased'),
      ])
      .groupBy(day)
      .orderBy(day, 'desc')
      .limit(range === undefined ? DAYS_SHOWN : MAX_RANGE_DAYS)
      .execute();
    return rows.map((row) => ({
      day: row.day,
      granted: Number(row.granted),
      won: Number(row.won),
      lost: Number(row.lost),
      corrected: Number(row.corrected),
      purchased: Number(row.purchased),
    }));
  }

  /**
   * The coins each person won or lost in each game settled since `since`, by game and person: from the settlement's
   * entries, whose key is `deal:<gameId>:<deal>:<userId>` (settlement.ts).
   */
  async gameDeltas(since: string): Promise<Map<string, Map<string, number>>> {
    const rows = await this.db
      .selectFrom('coin_ledger')
      .select(['idempotency_key', 'user_id', 'amount'])
      .where('created_at', '>=', since)
      .where('idempotency_key', 'like', 'deal:%')
      .execute();
    const deltas = new Map<string, Map<string, number>>();
    for (const row of rows) {
      const gameId = row.idempotency_key.split(':')[1];
      const byUser = deltas.get(gameId) ?? new Map<string, number>();
      byUser.set(row.user_id, (byUser.get(row.user_id) ?? 0) + row.amount);
      deltas.set(gameId, byUser);
    }
    return deltas;
  }
}
