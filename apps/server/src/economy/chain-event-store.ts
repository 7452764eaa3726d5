import type { Db } from '../platform/db/database.js';

/** What the routes use of an indexed GameItems transfer; the indexer stores numbers as decimal strings. */
export interface ItemTransfer {
  to: string;
  tokenId: string;
}

/** What the governor's ProposalCreated event carries, its numbers as decimal strings. */
export interface ProposalCreated {
  proposalId: string;
  proposer: string;
  description: string;
  voteStart: string;
  voteEnd: string;
}

/** What the item and DAO routes read of the `chain_events` the indexer recorded. */
export class ChainEventStore {
  constructor(private readonly db: Db) {}

  /** Every indexed GameItems transfer, in chain order: an item's holder is where its last transfer went. */
  async itemTransfers(): Promise<ItemTransfer[]> {
    const rows = await this.db
      .selectFrom('chain_events')
      .select(['args'])
      .where('contract', '=', 'GameItems')
      .where('event', '=', 'Transfer')
      .orderBy('block_number')
      .orderBy('log_index')
      .execute();
    return rows.map((row) => JSON.parse(row.args) as ItemTransfer);
  }

  /** The latest `limit` proposals, newest first, each with the block it was created in. */
  async latestProposals(limit: number): Promise<{ created: ProposalCreated; block: number }[]> {
    const rows = await this.db
      .selectFrom('chain_events')
      .select(['args', 'block_number'])
      .where('contract', '=', 'GuandanGovernor')
      .where('event', '=', 'ProposalCreated')
      .orderBy('block_number', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ created: JSON.parse(row.args) as ProposalCreated, block: row.block_number }));
  }
}
