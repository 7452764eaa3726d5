import { type EconomyOverview, type MintedDay, ProtocolError, type RewardBatch } from '@guandan/protocol';
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.js';
import { transactionOf, type UnitOfWork } from '../platform/db/unit-of-work.js';
import { ChainEventStore } from './chain-event-store.js';
import { TOKENOMICS } from './tokenomics.js';

const DAYS_SHOWN = 30;
const PROPOSALS_SHOWN = 20;
const DAILY_CAP_MILLI = TOKENOMICS.dailyCap * 1000;

type ChainSide = Omit<EconomyOverview, 'coins' | 'treasury'>;

/**
 * The economy as operators see it: $PLAY rewarded per day against the daily cap, the minter's and the indexer's
 * health, the DAO's latest proposals, and the reward batches (a failed one can be sent again).
 */
export class EconomyReport {
  private readonly events: ChainEventStore;

  constructor(private readonly db: Db) {
    this.events = new ChainEventStore(db);
  }

  async overview(): Promise<ChainSide> {
    const [mintedByDay, minter, indexer, proposals] = await Promise.all([this.mintedByDay(), this.minterHealth(), this.indexer(), this.events.latestProposals(PROPOSALS_SHOWN)]);
    return {
      daily_cap_milli: DAILY_CAP_MILLI,
      minted_by_day: mintedByDay,
      minter,
      indexer,
      proposals: proposals.map(({ created, block }) => ({ proposal_id: created.proposalId, proposer: created.proposer, description: created.description, block })),
    };
  }

  async batches(status: RewardBatch['status'] | undefined, page: number, perPage: number): Promise<{ items: RewardBatch[]; total: number }> {
    let query = this.db.selectFrom('reward_batches');
    if (status !== undefined) query = query.where('reward_batches.status', '=', status);
    const [rows, count] = await Promise.all([
      query
        .leftJoin('rewards', 'rewards.batch_id', 'reward_batches.id')
        .select((eb) => [
          'reward_batches.id',
          'reward_batches.status',
          'reward_batches.attempts',
          'reward_batches.last_error',
          'reward_batches.tx_hash',
          'reward_batches.created_at',
          'reward_batches.updated_at',
          eb.fn.count<number | string>('rewards.id').as('rewards'),
          eb.fn.coalesce(eb.fn.sum<number | string>('rewards.amount_milli'), sql<number>`0`).as('amount_milli'),
        ])
        .groupBy(['reward_batches.id', 'reward_batches.status', 'reward_batches.attempts', 'reward_batches.last_error', 'reward_batches.tx_hash', 'reward_batches.created_at', 'reward_batches.updated_at'])
        .orderBy('reward_batches.created_at', 'desc')
        .offset((page - 1) * perPage)
        .limit(perPage)
        .execute(),
      query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((row) => ({
        batch_id: row.id,
        status: row.status,
        rewards: Number(row.rewards),
        amount_milli: Number(row.amount_milli),
        attempts: row.attempts,
        last_error: row.last_error,
        tx_hash: row.tx_hash,
        created_at: row.created_at,
        updated_at: row.updated_at,
      })),
      total: Number(count.total),
    };
  }

  /**
   * Opens a failed batch again with its attempts reset: the minter asks the chain whether this batch id was minted
   * before sending it, so a batch that did go through is confirmed, never paid twice. CONFLICT unless it failed.
   */
  async retryBatch(work: UnitOfWork, batchId: string): Promise<void> {
    const trx = transactionOf(work);
    const reopened = await trx
      .updateTable('reward_batches')
      .set({ status: 'open', attempts: 0, last_error: null, updated_at: new Date().toISOString() })
      .where('id', '=', batchId)
      .where('status', '=', 'failed')
      .executeTakeFirst();
    if (reopened.numUpdatedRows === 0n) {
      const exists = await trx.selectFrom('reward_batches').select('id').where('id', '=', batchId).executeTakeFirst();
      throw exists === undefined ? new ProtocolError('NOT_FOUND', `no reward batch ${batchId}`) : new ProtocolError('CONFLICT', 'only a failed batch is sent again');
    }
    await trx.updateTable('rewards').set({ status: 'minting', updated_at: new Date().toISOString() }).where('batch_id', '=', batchId).execute();
  }

  /** The $PLAY (milli) each person was rewarded for each game that ended since `since`, by game and person. */
  async gameRewards(since: string): Promise<Map<string, Map<string, number>>> {
    const rows = await this.db.selectFrom('rewards').select(['game_id', 'user_id', 'amount_milli']).where('created_at', '>=', since).execute();
    const rewards = new Map<string, Map<string, number>>();
    for (const row of rows) {
      const byUser = rewards.get(row.game_id) ?? new Map<string, number>();
      byUser.set(row.user_id, (byUser.get(row.user_id) ?? 0) + row.amount_milli);
      rewards.set(row.game_id, byUser);
    }
    return rewards;
  }

  /** The $PLAY (milli) accrued as rewards on each UTC day from `fromDay` to `toDay` (YYYY-MM-DD), days with none left out. */
  async rewardedByDay(fromDay: string, toDay: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('rewards')
      .select((eb) => ['day', eb.fn.sum<number | string>('amount_milli').as('milli')])
      .where('day', '>=', fromDay)
      .where('day', '<=', toDay)
      .groupBy('day')
      .execute();
    return new Map(rows.map((row) => [row.day, Number(row.milli)]));
  }

  private async mintedByDay(): Promise<MintedDay[]> {
    const perAccount = this.db
      .selectFrom('rewards')
      .select((eb) => [
        'day',
        'user_id',
        eb.fn.sum<number | string>('amount_milli').as('total'),
        eb.fn.sum<number | string>(sql<number>`case when status = 'confirmed' then amount_milli else 0 end`).as('confirmed'),
        eb.fn.sum<number | string>(sql<number>`case when status = 'failed' then amount_milli else 0 end`).as('failed'),
      ])
      .groupBy(['day', 'user_id'])
      .as('per_account');
    const rows = await this.db
      .selectFrom(perAccount)
      .select((eb) => [
        'day',
        eb.fn.sum<number | string>('total').as('total'),
        eb.fn.sum<number | string>('confirmed').as('confirmed'),
        eb.fn.sum<number | string>('failed').as('failed'),
        eb.fn.countAll<number | string>().as('accounts'),
        eb.fn.sum<number | string>(sql<number>`case when total >= ${DAILY_CAP_MILLI} then 1 else 0 end`).as('at_cap'),
      ])
      .groupBy('day')
      .orderBy('day', 'desc')
      .limit(DAYS_SHOWN)
      .execute();
    return rows.map((row) => ({
      day: row.day,
      confirmed_milli: Number(row.confirmed),
      unconfirmed_milli: Number(row.total) - Number(row.confirmed) - Number(row.failed),
      failed_milli: Number(row.failed),
      accounts: Number(row.accounts),
      accounts_at_cap: Number(row.at_cap),
    }));
  }

  private async minterHealth(): Promise<ChainSide['minter']> {
    const [pending, batches, confirmed] = await Promise.all([
      this.db
        .selectFrom('rewards')
        .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.min('created_at').as('oldest')])
        .where('status', 'in', ['pending', 'minting'])
        .executeTakeFirstOrThrow(),
      this.db.selectFrom('reward_batches').select((eb) => ['status', eb.fn.countAll<number | string>().as('count')]).where('status', 'in', ['open', 'failed']).groupBy('status').execute(),
      this.db.selectFrom('reward_batches').select((eb) => eb.fn.max('updated_at').as('at')).where('status', '=', 'confirmed').executeTakeFirstOrThrow(),
    ]);
    const countOf = (status: string) => Number(batches.find((row) => row.status === status)?.count ?? 0);
    return {
      pending_rewards: Number(pending.count),
      oldest_pending_at: pending.oldest ?? null,
      open_batches: countOf('open'),
      failed_batches: countOf('failed'),
      last_confirmed_at: confirmed.at ?? null,
    };
  }

  private async indexer(): Promise<ChainSide['indexer']> {
    return this.db.selectFrom('chain_cursors').select(['name', 'next_block', 'updated_at']).orderBy('name').execute();
  }
}
