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
  /** Blocks a batch's block must have on top of it (itself included) before it is `confirmed`; default 1. */
  confirmations?: number;
  /** Confirmed batches mined within this many blocks of the head are checked on chain each pass; default 256. */
  reconcileBlocks?: number;
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
 *
 * The chain is not trusted to keep what it said: a local anvil killed between its state saves forgets its last
 * blocks, and a real chain reorganises. So a batch is confirmed only `confirmations` deep, and every pass checks
 * again the confirmed batches mined in the last `reconcileBlocks` blocks (or in a block past the head, which the
 * chain no longer has); one the token does not know is reopened and sent again with the same id. Checking by
 * block rather than by time keeps the check to a few reads however long the server was down, and still covers
 * what a crash or a reorg can take: the newest blocks.
 */
export class RewardMinter {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly confirmations: bigint;
  private readonly reconcileBlocks: bigint;

  constructor(private readonly options: RewardMinterOptions) {
    this.batchSize = options.batchSize ?? 64;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.confirmations = BigInt(options.confirmations ?? 1);
    this.reconcileBlocks = BigInt(options.reconcileBlocks ?? 256);
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

  /** Reopens confirmed batches the chain lost, settles unfinished batches, then batches and mints what is pending. */
  async mintPending(): Promise<void> {
    await this.reconcile();
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
        .innerJoin('reward_wallets', 'reward_wallets.user_id', 'rewards.user_id')
        .select(['rewards.id', 'reward_wallets.wallet_address'])
        .where('rewards.status', '=', 'pending')
        .orderBy('rewards.created_at')
        .limit(this.batchSize)
        .execute();
      if (pending.length === 0) return null;
      const now = nowIso();
      const batch: RewardBatchesTable = {
        id: `0x${randomBytes(32).toString('hex')}`,
        status: 'open',
        tx_hash: null,
        attempts: 0,
        last_error: null,
        mined_block: null,
        remints: 0,
        created_at: now,
        updated_at: now,
      };
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

  /**
   * Checks each batch confirmed in a recent block (or in a block the chain no longer has) against the token; one it
   * does not know is reopened, its rewards back to `minting`, to be sent again with the same id.
   */
  async reconcile(): Promise<void> {
    const { chain, db, log } = this.options;
    const head = await chain.head();
    const since = Number(head - this.reconcileBlocks);
    const recent = await db
      .selectFrom('reward_batches')
      .select(['id', 'mined_block'])
      .where('status', '=', 'confirmed')
      .where((where) => where.or([where('mined_block', '>', since), where('mined_block', 'is', null)]))
      .execute();
    for (const batch of recent) {
      if (await chain.isBatchMinted(batch.id as Hex)) {
        // Confirmed before blocks were kept: from now on it is checked for this window only.
        if (batch.mined_block === null) await db.updateTable('reward_batches').set({ mined_block: Number(head) }).where('id', '=', batch.id).execute();
        continue;
      }
      log.warn({ batchId: batch.id, minedBlock: batch.mined_block, head: Number(head) }, 'a confirmed reward batch is missing on chain (a lost block or a reorg): minting it again');
      chain.forgetNonces();
      const now = nowIso();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('reward_batches')
          .set((update) => ({
            status: 'open',
            tx_hash: null,
            mined_block: null,
            attempts: 0,
            remints: update('remints', '+', 1),
            last_error: 'missing on chain after it was confirmed',
            updated_at: now,
          }))
          .where('id', '=', batch.id)
          .where('status', '=', 'confirmed')
          .execute();
        await trx.updateTable('rewards').set({ status: 'minting', tx_hash: null, updated_at: now }).where('batch_id', '=', batch.id).execute();
      });
    }
  }

  private async settle(batch: RewardBatchesTable): Promise<void> {
    const { chain, db, log } = this.options;
    const batchId = batch.id as Hex;
    if (await chain.isBatchMinted(batchId)) {
      const place = await chain.mintedIn(batchId);
      if (place === null) {
        // Minted as of the latest block, yet no log yet: the node is behind itself; the next pass sees it.
        log.warn({ batchId }, 'a minted reward batch has no TokensMinted log yet');
        return;
      }
      await this.confirmWhenDeep(batch, place.hash, place.block);
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
    if (outcome.status === 'success') await this.confirmWhenDeep(batch, hash, outcome.block);
    else await db.updateTable('reward_batches').set({ last_error: `transaction ${hash} reverted`, updated_at: nowIso() }).where('id', '=', batch.id).execute();
  }

  /** Confirms the batch once its block is `confirmations` deep; until then it stays open, its block noted. */
  private async confirmWhenDeep(batch: RewardBatchesTable, hash: Hash, block: bigint): Promise<void> {
    if ((await this.options.chain.head()) - block + 1n >= this.confirmations) {
      await this.confirm(batch, hash, block);
      return;
    }
    await this.options.db.updateTable('reward_batches').set({ tx_hash: hash, mined_block: Number(block), updated_at: nowIso() }).where('id', '=', batch.id).execute();
  }

  private async confirm(batch: RewardBatchesTable, hash: Hash, block: bigint): Promise<void> {
    const now = nowIso();
    const minted = await this.options.db.transaction().execute(async (trx) => {
      await trx.updateTable('reward_batches').set({ status: 'confirmed', tx_hash: hash, mined_block: Number(block), updated_at: now }).where('id', '=', batch.id).execute();
      await trx.updateTable('rewards').set({ status: 'confirmed', tx_hash: hash, updated_at: now }).where('batch_id', '=', batch.id).execute();
      return trx.selectFrom('rewards').select(['user_id', 'game_id', 'amount_milli', 'wallet_address']).where('batch_id', '=', batch.id).execute();
    });
    this.options.log.info({ batchId: batch.id, txHash: hash, rewards: minted.length, remints: batch.remints }, 'reward batch minted');
    // A batch minted again after the chain lost it was announced the first time.
    if (batch.remints > 0) return;
    this.options.onMinted(
      minted.map((reward) => ({ userId: reward.user_id, wallet: reward.wallet_address as Address, gameId: reward.game_id, amountMilli: reward.amount_milli, txHash: hash })),
    );
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
