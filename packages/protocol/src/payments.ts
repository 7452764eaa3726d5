import { z } from 'zod';
import { AdminPageQuerySchema } from './admin.js';
import { UuidSchema } from './common.js';

const Timestamp = z.iso.datetime().meta({ description: 'ISO 8601, UTC' });

/** An amount of money in the currency's minor unit (cents): money is never a float. */
const MinorUnits = z.int().min(0).meta({ description: 'in the currency\'s minor unit (cents)' });

/** Something the shop sells: a pack of game coins. */
export const ProductSchema = z
  .object({
    product_id: z.string(),
    kind: z.enum(['coins']),
    coins: z.int(),
    price_minor: MinorUnits,
    currency: z.string().meta({ description: 'ISO 4217, lower case' }),
  })
  .meta({ id: 'Product' });

/** `GET /v4/shop`: whether the shop is open here and what it sells. */
export const ShopSchema = z
  .object({
    open: z.boolean(),
    closed_reason: z
      .enum(['not_configured', 'country'])
      .nullable()
      .meta({ description: 'why the shop is closed: no payment provider is configured, or paid features are off in the player\'s country' }),
    products: z.array(ProductSchema),
  })
  .meta({ id: 'Shop' });

export const CheckoutBodySchema = z.strictObject({ product_id: z.string().min(1).max(64) });

/** Where to pay for a purchase just started: the provider's own payment page. */
export const CheckoutSchema = z.object({ purchase_id: UuidSchema, checkout_url: z.string() }).meta({ id: 'Checkout' });

export const PURCHASE_STATUSES = ['pending', 'paid', 'refunded', 'disputed', 'failed', 'expired'] as const;

export const PurchaseSchema = z
  .object({
    purchase_id: UuidSchema,
    product_id: z.string(),
    coins: z.int(),
    price_minor: MinorUnits,
    currency: z.string(),
    status: z.enum(PURCHASE_STATUSES).meta({
      description:
        'pending: not paid yet; paid: coins given; refunded or disputed: the money went back and the coins with it; failed: the payment did not match the order; expired: the checkout was given up or ran out',
    }),
    coins_taken_back: z.int().meta({ description: 'coins taken back after a refund or a dispute' }),
    created_at: Timestamp,
    paid_at: Timestamp.nullable(),
  })
  .meta({ id: 'Purchase' });

/** The realtime `PURCHASE_COMPLETED` payload: a paid purchase's coins are in the account. */
export interface PurchaseCompletedPayload {
  purchaseId: string;
  productId: string;
  coins: number;
  /** The account's coins after the purchase. */
  balance: number;
}

/**
 * A hold on an account: coins a refund or a dispute took back that the player had already spent. The shop is closed
 * to the account until an operator lifts it (the debt settled or written off, as the reason says).
 */
export const PaymentHoldSchema = z
  .object({
    hold_id: UuidSchema,
    user_id: UuidSchema,
    username: z.string().nullable(),
    purchase_id: UuidSchema,
    owed_coins: z.int(),
    reason: z.string(),
    created_at: Timestamp,
    lifted_at: Timestamp.nullable(),
    lifted_by: UuidSchema.nullable(),
    lift_reason: z.string().nullable(),
  })
  .meta({ id: 'PaymentHold' });

export const PurchaseParamsSchema = z.strictObject({ purchaseId: UuidSchema });

export const HoldsQuerySchema = AdminPageQuerySchema.extend({
  status: z.enum(['open', 'lifted']).optional(),
  user_id: UuidSchema.optional(),
});
export const HoldParamsSchema = z.strictObject({ holdId: UuidSchema });

export const SPENDING_PERIODS = ['day', 'week', 'month'] as const;
export const SpendingPeriodSchema = z.enum(SPENDING_PERIODS).meta({ description: 'a rolling 24 hours, 7 days or 30 days' });

/** A player's own limit on spending over one period: in force now, and a raise waiting out its cooling-off. */
export const SpendingLimitSchema = z.object({
  period: SpendingPeriodSchema,
  limit_minor: MinorUnits.nullable().meta({ description: 'null: no limit' }),
  spent_minor: MinorUnits.meta({ description: 'spent in the period so far (paid, and checkouts not yet paid)' }),
  pending: z.object({ limit_minor: MinorUnits.nullable(), from: Timestamp }).nullable().meta({ description: 'a raise or removal, in force from `from`' }),
});

/** `GET /v4/responsible-play`: the caller's limits and self-exclusion. */
export const ResponsiblePlaySchema = z
  .object({
    currency: z.string(),
    cooling_off_hours: z.int(),
    limits: z.array(SpendingLimitSchema),
    self_excluded_until: Timestamp.nullable(),
  })
  .meta({ id: 'ResponsiblePlay' });

export const SpendingLimitBodySchema = z.strictObject({
  period: SpendingPeriodSchema,
  limit_minor: z.int().min(0).max(100_000_000).nullable().meta({ description: 'null removes the limit (after the cooling-off)' }),
});

export const SelfExclusionBodySchema = z.strictObject({
  days: z.int().min(1).max(3650).meta({ description: 'no purchase for this many days; it cannot be shortened' }),
});

export type Product = z.infer<typeof ProductSchema>;
export type Shop = z.infer<typeof ShopSchema>;
export type Checkout = z.infer<typeof CheckoutSchema>;
export type Purchase = z.infer<typeof PurchaseSchema>;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number];
export type PaymentHold = z.infer<typeof PaymentHoldSchema>;
export type SpendingPeriod = (typeof SPENDING_PERIODS)[number];
export type SpendingLimit = z.infer<typeof SpendingLimitSchema>;
export type ResponsiblePlay = z.infer<typeof ResponsiblePlaySchema>;
