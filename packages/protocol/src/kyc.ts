import { z } from 'zod';

/**
 * Identity check tiers: 0 may play (and buy up to a monthly amount), 1 may spend above it, 2 may cash out.
 * A tier changes only from the identity provider's verified webhook.
 */
export const KYC_TIERS = [0, 1, 2] as const;
export const KycTierSchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);

/** `GET /v4/kyc`: the caller's tier and the state of their latest check. */
export const KycStatusSchema = z
  .object({
    enabled: z.boolean().meta({ description: 'false: identity checks are not configured here' }),
    tier: KycTierSchema,
    check: z
      .object({
        tier: z.union([z.literal(1), z.literal(2)]),
        status: z.enum(['started', 'pending', 'approved', 'rejected', 'retry']).meta({
          description: 'started: not submitted yet; pending: being reviewed; rejected: final; retry: the provider asks for new documents',
        }),
        updated_at: z.iso.datetime(),
      })
      .nullable(),
    tier1_above_monthly_minor: z.int().meta({ description: 'spending above this in a rolling month needs tier 1 (shop currency, minor units)' }),
  })
  .meta({ id: 'KycStatus' });

export const KycStartBodySchema = z.strictObject({ tier: z.union([z.literal(1), z.literal(2)]) });

/** What the provider's web flow needs: its short-lived access token for this person and level. */
export const KycStartSchema = z
  .object({ provider: z.literal('sumsub'), level: z.string(), access_token: z.string(), expires_in: z.int() })
  .meta({ id: 'KycStart' });

export type KycTier = z.infer<typeof KycTierSchema>;
export type KycStatus = z.infer<typeof KycStatusSchema>;
export type KycStart = z.infer<typeof KycStartSchema>;
