import { AdminPageQuerySchema, CheckoutBodySchema, CheckoutSchema, pageOf, PurchaseSchema, ShopSchema } from '@guandan/protocol';
import { z } from 'zod';
import { route } from '../http/api.js';
import type { PaymentsService } from './payments-service.js';

/** The coin shop: what it sells, buying, the purchase history, and the provider's webhook. */
export function paymentsRoutes(payments: PaymentsService) {
  return [
    route({
      method: 'GET',
      path: '/shop',
      summary: 'Whether the shop is open here and the coin packs it sells',
      tag: 'payments',
      auth: false,
      response: ShopSchema,
      handler: async () => payments.shop(),
    }),
    route({
      method: 'POST',
      path: '/shop/checkout',
      summary: 'Starts buying a product: answers the provider\'s payment page; the coins come when it says the payment went through',
      tag: 'payments',
      auth: true,
      body: CheckoutBodySchema,
      status: 201,
      response: CheckoutSchema,
      rateLimitPerMinute: 20,
      handler: async ({ user, body }) => payments.checkout(user.userId, body.product_id),
    }),
    route({
      method: 'GET',
      path: '/shop/purchases',
      summary: 'The caller\'s purchases, newest first: the receipts',
      tag: 'payments',
      auth: true,
      query: AdminPageQuerySchema,
      response: pageOf(PurchaseSchema),
      handler: async ({ user, query }) => payments.purchases(user.userId, query.page, query.per_page),
    }),
    route({
      method: 'POST',
      path: '/payments/stripe/webhook',
      summary: 'Stripe\'s signed events (Stripe-Signature over the raw body); each applied once',
      tag: 'payments',
      auth: false,
      rawBody: true,
      response: z.object({ received: z.boolean() }),
      handler: async ({ request, rawBody }) => {
        const signature = request.headers['stripe-signature'];
        await payments.receive(rawBody, typeof signature === 'string' ? signature : undefined);
        return { received: true };
      },
    }),
  ];
}
