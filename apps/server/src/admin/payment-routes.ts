import { AdminPageQuerySchema, HoldParamsSchema, HoldsQuerySchema, KycStatusSchema, pageOf, PaymentHoldSchema, PurchaseSchema, ReasonBodySchema, UserIdParamsSchema } from '@guandan/protocol';
import type { KycService } from '../kyc/index.js';
import { route } from '../http/api.js';
import type { PaymentsService } from '../payments/index.js';
import type { Db } from '../platform/db/database.js';
import { inUnitOfWork } from '../platform/db/unit-of-work.js';
import { actorOf, type AuditLog, type Usernames } from './audit-log.js';

/**
 * Money for operators: an account's purchases and identity tier, and the holds on accounts whose refunded coins
 * were spent.
 */
export function paymentRoutes(deps: { db: Db; payments: PaymentsService; kyc: KycService; audit: AuditLog; usernames: Usernames }) {
  const common = { tag: 'admin', auth: true, role: 'operator' } as const;
  return [
    route({
      ...common,
      method: 'GET',
      path: '/admin/users/:userId/purchases',
      summary: 'An account\'s purchases from the shop, newest first',
      params: UserIdParamsSchema,
      query: AdminPageQuerySchema,
      response: pageOf(PurchaseSchema),
      handler: async ({ params, query }) => deps.payments.purchases(params.userId, query.page, query.per_page),
    }),
    route({
      ...common,
      method: 'GET',
      path: '/admin/users/:userId/kyc',
      summary: 'An account\'s identity tier and its latest check',
      params: UserIdParamsSchema,
      response: KycStatusSchema,
      handler: async ({ params }) => deps.kyc.status(params.userId),
    }),
    route({
      ...common,
      method: 'GET',
      path: '/admin/payments/holds',
      summary: 'Holds on accounts (coins a refund or dispute took back were already spent), open or lifted',
      query: HoldsQuerySchema,
      response: pageOf(PaymentHoldSchema),
      handler: async ({ query }) => deps.payments.holds({ status: query.status, userId: query.user_id }, query.page, query.per_page, deps.usernames),
    }),
    route({
      ...common,
      method: 'POST',
      path: '/admin/payments/holds/:holdId/lift',
      summary: 'Lift a hold (the debt settled or written off, as the reason says): the shop opens to the account again',
      params: HoldParamsSchema,
      body: ReasonBodySchema,
      response: PaymentHoldSchema,
      handler: async ({ user, params, body }) => {
        const actor = await actorOf(deps.usernames, user.userId);
        const { after } = await inUnitOfWork(deps.db, async (work) => {
          const lifted = await deps.payments.liftHold(work, params.holdId, { by: user.userId, reason: body.reason });
          await deps.audit.record(work, {
            actor,
            action: 'payment_hold.lift',
            targetType: 'payment_hold',
            targetId: params.holdId,
            reason: body.reason,
            before: { user_id: lifted.before.user_id, owed_coins: lifted.before.owed_coins, lifted: false },
            after: { lifted: true },
          });
          return lifted;
        });
        return { ...after, username: (await deps.usernames([after.user_id])).get(after.user_id) ?? null };
      },
    }),
  ];
}
