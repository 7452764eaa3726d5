import * as artifacts from '@guandan/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { type Abi, type Address, decodeEventLog, getAddress, type Log } from 'viem';
import { type Db, nowIso } from '../platform/db/database.js';
import type { ChainRuntime } from './chain-runtime.js';

/** The contracts the indexer follows, by the name their events are filed under. */
const INDEXED = ['PlayToken', 'GuanToken', 'Staking', 'GameItems', 'ItemMarket', 'PlaySwap', 'GuandanGovernor'] as const;
type Indexed = (typeof INDEXED)[number];
const CURSOR = 'chain-indexer';
/** Blocks per `eth_getLogs`: public RPCs refuse wide ranges. */
const SPAN = 2_000n;

/**
 * Copies the platform contracts' events (transfers, stakes, swaps, item moves and sales, proposals and votes) into
 * `chain_events`, block by block, and remembers the next block in `chain_cursors` in the same transaction, so a
 * restart resumes where it stopped and a range read twice adds nothing twice.
 */
export class ChainIndexer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly names: Map<Address, Indexed>;

  constructor(
    private readonly db: Db,
    private readonly chain: ChainRuntime,
    private readonly log: Pick<FastifyBaseLogger, 'error'>,
    /** Told of the addresses whose token balances an indexed transfer changed (before the index shows it). */
    private readonly onTransfer: (addresses: Address[]) => void = () => undefined,
    private readonly sweepMs = 2000,
  ) {
    this.names = new Map(INDEXED.map((name) => [getAddress(chain.addresses[name]), name]));
  }

  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => void this.catchUp(), this.sweepMs);
    this.timer.unref();
    this.running = (this.chain.deployedNow ? this.forgetEarlierChain() : Promise.resolve())
      .then(() => this.indexToHead())
      .catch((error: unknown) => this.log.error({ err: error }, 'chain indexing failed; the next sweep retries'))
      .finally(() => {
        this.running = null;
      });
  }

  /**
   * The contracts were deployed afresh (a local chain started over): what was indexed came from a chain that is
   * gone, and its cursor points past the new chain's head, where indexing would skip the new chain's first blocks.
   */
  private async forgetEarlierChain(): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('chain_events').execute();
      await trx.deleteFrom('chain_cursors').where('name', '=', CURSOR).execute();
    });
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Indexes every block up to the chain's head; passes never overlap. */
  catchUp(): Promise<void> {
    this.running ??= this.indexToHead()
      .catch((error: unknown) => this.log.error({ err: error }, 'chain indexing failed; the next sweep retries'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async indexToHead(): Promise<void> {
    const head = await this.chain.link.reader.getBlockNumber();
    let from = await this.nextBlock();
    while (from <= head) {
      const to = from + SPAN - 1n < head ? from + SPAN - 1n : head;
      const logs = await this.chain.link.reader.getLogs({ address: [...this.names.keys()], fromBlock: from, toBlock: to });
      await this.record(logs, to + 1n);
      from = to + 1n;
    }
  }

  private async nextBlock(): Promise<bigint> {
    const row = await this.db.selectFrom('chain_cursors').select('next_block').where('name', '=', CURSOR).executeTakeFirst();
    return BigInt(row?.next_block ?? this.chain.addresses.deployBlock);
  }

  private async record(logs: Log[], nextBlock: bigint): Promise<void> {
    const now = nowIso();
    await this.db.transaction().execute(async (trx) => {
      for (const log of logs) {
        const contract = this.names.get(getAddress(log.address));
        if (contract === undefined || log.blockNumber === null || log.logIndex === null || log.transactionHash === null) continue;
        let decoded: { eventName: string; args: unknown };
        try {
          decoded = decodeEventLog({ abi: artifacts[contract].abi as Abi, data: log.data, topics: log.topics });
        } catch {
          continue; // an event of an inherited interface the ABI does not name
        }
        if (decoded.eventName === 'Transfer') {
          const { from, to } = decoded.args as { from: Address; to: Address };
          this.onTransfer([from, to]);
        }
        await trx
          .insertInto('chain_events')
          .values({
            block_number: Number(log.blockNumber),
            log_index: log.logIndex,
            tx_hash: log.transactionHash,
            contract,
            event: decoded.eventName ?? 'unknown',
            args: JSON.stringify(decoded.args, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
            created_at: now,
          })
          .onConflict((conflict) => conflict.columns(['tx_hash', 'log_index']).doNothing())
          .execute();
      }
      await trx
        .insertInto('chain_cursors')
        .values({ name: CURSOR, next_block: Number(nextBlock), updated_at: now })
        .onConflict((conflict) => conflict.column('name').doUpdateSet({ next_block: Number(nextBlock), updated_at: now }))
        .execute();
    });
  }
}
