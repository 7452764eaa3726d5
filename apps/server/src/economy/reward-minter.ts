import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Address, Hash, Hex } from 'viem';
import { type Db, nowIso } from '../platform/db/database.js';
import type { RewardBatchesTable } from '../platform/db/schema.js';
import type { RewardChain } from './reward-chain.js';
import { milliToUnits } from './tokenomics.js';

export interface MintedReward {
  userId: string;
  /** The wallet the reward was minted to. */
  wallet: Address;
  gameId: string;
  amountMilli: number;
  txHash: Hash;
}

export interface RewardMinterOptions {
  db: Db;
  chain: RewardChain;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** Told of every reward once its batch is confirmed on chain. */
  onMinted: (rewards: MintedReward[]) => void;
  batchSize?: number;
  maxAttempts?: number;
  sweepMs?: number;
  /** Asked before each pass: on a cluster only the node holding the minter's lease mints (one reward key, one nonce sequence). */
  mayRun?: () => Promise<boolean>;
  /** Tests stop the worker here, as a process killed between sending and recording would. */
  afterSend?: (batchId: Hex, hash: Hash) => void;
}

/**
 * Mints pending rewards in batches, exactly once each. A batch is written to the database (its id, its rewards and
 * their recipients) before it is sent, and the token refuses a batch id it has minted, so after any crash the
 * worker asks the chain whether the batch was minted: yes, it is confirmed; no, the same batch is sent again. One
 * worker per deployment sends with the reward key; viem's nonce manager numbers its transactions.
 */
export class RewardMinter {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private readonly batchSize: number;
  private readonly maxAttempts: number;

  constructor(private readonly options: RewardMinterOptions) {
    this.batchSize = options.batchSize ?? 64;
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => void this.kick(), this.options.sweepMs ?? 5000);
    this.timer.unref();
    void this.kick();
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs a pass now, or once more after the pass in flight. Resolves when the work asked for is done. */
  kick(): Promise<void> {
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          if (this.options.mayRun !== undefined && !(await this.options.mayRun())) return;
          await this.mintPending();
        } catch (error) {
          this.options.log.error({ err: error }, 'reward minting pass failed; the next sweep retries');
        }
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Settles unfinished batches, then batches and mints what is pending. */
  async mintPending(): Promise<void> {
    const unfinished = await this.options.db.selectFrom('reward_batches').selectAll().where('status', '=', 'open').orderBy('created_at').execute();
    for (const batch of unfinished) await this.settle(batch);
    for (;;) {
      const batch = await this.openBatch();
      if (batch === null) return;
      await this.settle(batch);
    }
  }

  /** Gathers up to `batchSize` pending rewards of people with a wallet into a new batch, in one transaction. */
  private async openBatch(): Promise<RewardBatchesTable | null> {
    return this.options.db.transaction().execute(async (trx) => {
      const pending = await trx
        .selectFrom('rewards')
        .innerJoin('users', 'users.id', 'rewards.user_id')
        .select(['rewards.id', 'users.wallet_address'])
        .where('rewards.status', '=', 'pending')
        .where('users.wallet_address', 'is not', null)
        .orderBy('rewards.created_at')
        .limit(this.batchSize)
        .execute();
      if (pending.length === 0) return null;
      const now = nowIso();
      const batch: RewardBatchesTable = { id: `0x${randomBytes(32).toString('hex')}`, status: 'open', tx_hash: null, attempts: 0, last_error: null, created_at: now, updated_at: now };
      await trx.insertInto('reward_batches').values(batch).execute();
      for (const reward of pending) {
        await trx
          .updateTable('rewards')
          .set({ status: 'minting', batch_id: batch.id, wallet_address: reward.wallet_address, updated_at: now })
          .where('id', '=', reward.id)
          .execute();
      }
      return batch;
    });
  }

  private async settle(batch: RewardBatchesTable): Promise<void> {
    const { chain, db, log } = this.options;
    const batchId = batch.id as Hex;
    if (await chain.isBatchMinted(batchId)) {
      await this.confirm(batch, (batch.tx_hash as Hash | null) ?? (await chain.mintTransaction(batchId)));
      return;
    }
    if (batch.attempts >= this.maxAttempts) {
      await this.fail(batch, batch.last_error ?? 'too many attempts');
      return;
    }
    const rewards = await db.selectFrom('rewards').select(['wallet_address', 'amount_milli']).where('batch_id', '=', batch.id).orderBy('id').execute();
    const recipients = rewards.map((reward) => reward.wallet_address as Address);
    const amounts = rewards.map((reward) => milliToUnits(reward.amount_milli));
    await db.updateTable('reward_batches').set({ attempts: batch.attempts + 1, updated_at: nowIso() }).where('id', '=', batch.id).execute();
    let hash: Hash;
    try {
      hash = await chain.sendBatch(batchId, recipients, amounts);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      log.warn({ batchId, err: error }, 'sending a reward batch failed; it is retried');
      await db.updateTable('reward_batches').set({ last_error: message ?? null, updated_at: nowIso() }).where('id', '=', batch.id).execute();
      return;
    }
    this.options.afterSend?.(batchId, hash);
    await db.updateTable('reward_batches').set({ tx_hash: hash, updated_at: nowIso() }).where('id', '=', batch.id).execute();
    const outcome = await chain.outcome(hash);
    if (outcome === 'success') await this.confirm(batch, hash);
    else await db.updateTable('reward_batches').set({ last_error: `transaction ${hash} reverted`, updated_at: nowIso() }).where('id', '=', batch.id).execute();
  }

  private async confirm(batch: RewardBatchesTable, hash: Hash | null): Promise<void> {
    const now = nowIso();
    const minted = await this.options.db.transaction().execute(async (trx) => {
      await trx.updateTable('reward_batches').set({ status: 'confirmed', tx_hash: hash, updated_at: now }).where('id', '=', batch.id).execute();
      await trx.updateTable('rewards').set({ status: 'confirmed', tx_hash: hash, updated_at: now }).where('batch_id', '=', batch.id).execute();
      return trx.selectFrom('rewards').select(['user_id', 'game_id', 'amount_milli', 'wallet_address']).where('batch_id', '=', batch.id).execute();
    });
    this.options.log.info({ batchId: batch.id, txHash: hash, rewards: minted.length }, 'reward batch minted');
    if (hash !== null) {
      this.options.onMinted(
        minted.map((reward) => ({ userId: reward.user_id, wallet: reward.wallet_address as Address, gameId: reward.game_id, amountMilli: reward.amount_milli, txHash: hash })),
      );
    }
  }

  private async fail(batch: RewardBatchesTable, reason: string): Promise<void> {
    const now = nowIso();
    await this.options.db.transaction().execute(async (trx) => {
      await trx.updateTable('reward_batches').set({ status: 'failed', last_error: reason, updated_at: now }).where('id', '=', batch.id).execute();
      await trx.updateTable('rewards').set({ status: 'failed', updated_at: now }).where('batch_id', '=', batch.id).execute();
    });
    this.options.log.error({ batchId: batch.id, reason }, 'reward batch failed for good');
  }
}
