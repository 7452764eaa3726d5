import { BatchesQuerySchema, BatchParamsSchema, EconomyOverviewSchema, pageOf, ReasonBodySchema, RewardBatchSchema, type Treasury } from '@guandan/protocol';
import type { CoinFlows } from '../coins/index.js';
import type { EconomyReport } from '../economy/index.js';
import { route } from '../http/api.js';
import type { Db } from '../platform/db/database.js';
import { inUnitOfWork } from '../platform/db/unit-of-work.js';
import { actorOf, type AuditLog, type Usernames } from './audit-log.js';

/**
 * The economy for operators: $PLAY against the caps, the minter and indexer, the DAO and its treasury, game coins;
 * failed batches sent again.
 */
export function economyRoutes(deps: { db: Db; report: EconomyReport; coins: CoinFlows; treasury: () => Promise<Treasury>; audit: AuditLog; usernames: Usernames }) {
  const common = { tag: 'admin', auth: true, role: 'operator' } as const;
  return [
    route({
      ...common,
      method: 'GET',
      path: '/admin/economy',
      summary: '$PLAY rewarded per day against the daily cap, minter and indexer health, DAO proposals and treasury, game-coin supply and flows',
      response: EconomyOverviewSchema,
      handler: async () => {
        const [chainSide, supply, flows, treasury] = await Promise.all([deps.report.overview(), deps.coins.supply(), deps.coins.byDay(), deps.treasury()]);
        return { ...chainSide, coins: { ...supply, flows_by_day: flows }, treasury };
      },
    }),
    route({
      ...common,
      method: 'GET',
      path: '/admin/economy/batches',
      summary: 'Reward batches, newest first, by status',
      query: BatchesQuerySchema,
      response: pageOf(RewardBatchSchema),
      handler: async ({ query }) => deps.report.batches(query.status, query.page, query.per_page),
    }),
    route({
      ...common,
      method: 'POST',
      path: '/admin/economy/batches/:batchId/retry',
      summary: 'Send a failed reward batch again (the chain is asked first whether it was minted), with a reason',
      params: BatchParamsSchema,
      body: ReasonBodySchema,
      status: 204,
      response: null,
      handler: async ({ user, params, body }) => {
        const actor = await actorOf(deps.usernames, user.userId);
        await inUnitOfWork(deps.db, async (work) => {
          await deps.report.retryBatch(work, params.batchId);
          await deps.audit.record(work, { actor, action: 'rewards.retry_batch', targetType: 'reward_batch', targetId: params.batchId, reason: body.reason, before: { status: 'failed' }, after: { status: 'open' } });
        });
      },
    }),
  ];
}
