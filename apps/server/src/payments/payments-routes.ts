import {
  AdminPageQuerySchema,
  CheckoutBodySchema,
  CheckoutSchema,
  pageOf,
  PurchaseParamsSchema,
  PurchaseSchema,
  ResponsiblePlaySchema,
  SelfExclusionBodySchema,
  ShopSchema,
  SpendingLimitBodySchema,
} from '@guandan/protocol';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { route } from '../http/api.js';
import type { PaymentsService } from './payments-service.js';
import type { ResponsiblePlay } from './responsible-play.js';

/**
 * The country a request comes from, as the proxy in front says in `header` (null when not trusted or not said): a
 * client could write that header itself, so it is read only behind a proxy the operator runs.
 */
export type CountryOf = (request: FastifyRequest) => string | null;

export function countryFrom(header: string | null): CountryOf {
  return (request) => {
    if (header === null) return null;
    const value = request.headers[header];
    return typeof value === 'string' && /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : null;
  };
}

/** The coin shop: what it sells, buying, the purchase history, responsible play, and the provider's webhook. */
export function paymentsRoutes(payments: PaymentsService, responsible: ResponsiblePlay, countryOf: CountryOf) {
  return [
    route({
      method: 'GET',
      path: '/shop',
      summary: 'Whether the shop is open here and the coin packs it sells',
      tag: 'payments',
      auth: false,
      response: ShopSchema,
      handler: async ({ request }) => payments.shop(countryOf(request)),
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
      // Per address; per account, at most 10 checkouts left unpaid an hour (each one is a request to the provider).
      rateLimitPerMinute: 60,
      handler: async ({ user, body, request }) => payments.checkout(user.userId, body.product_id, countryOf(request)),
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
      path: '/shop/purchases/:purchaseId/cancel',
      summary: 'Gives up a checkout left unpaid: closed at the provider, it no longer counts against the limits',
      tag: 'payments',
      auth: true,
      params: PurchaseParamsSchema,
      response: PurchaseSchema,
      rateLimitPerMinute: 60,
      handler: async ({ user, params }) => payments.cancel(user.userId, params.purchaseId),
    }),
    route({
      method: 'GET',
      path: '/responsible-play',
      summary: 'The caller\'s spending limits (in force, pending raises, spent so far) and self-exclusion',
      tag: 'payments',
      auth: true,
      response: ResponsiblePlaySchema,
      handler: async ({ user }) => responsible.view(user.userId),
    }),
    route({
      method: 'PUT',
      path: '/responsible-play/limits',
      summary: 'Sets a spending limit for a rolling day, week or month: lower at once, higher (or none) after the cooling-off',
      tag: 'payments',
      auth: true,
      body: SpendingLimitBodySchema,
      response: ResponsiblePlaySchema,
      rateLimitPerMinute: 30,
      handler: async ({ user, body }) => responsible.setLimit(user.userId, body.period, body.limit_minor),
    }),
    route({
      method: 'POST',
      path: '/responsible-play/self-exclusion',
      summary: 'No purchase for this many days; it cannot be shortened (a longer one already in force stays)',
      tag: 'payments',
      auth: true,
      body: SelfExclusionBodySchema,
      response: ResponsiblePlaySchema,
      rateLimitPerMinute: 30,
      handler: async ({ user, body }) => responsible.exclude(user.userId, body.days),
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
