import { KycStartBodySchema, KycStartSchema, KycStatusSchema } from '@guandan/protocol';
import { z } from 'zod';
import { route } from '../http/api.js';
import type { KycService } from './kyc-service.js';

/** Identity checks: the caller's tier, starting a check in the provider's web flow, and the provider's webhook. */
export function kycRoutes(kyc: KycService) {
  return [
    route({
      method: 'GET',
      path: '/kyc',
      summary: 'The caller\'s identity tier and their latest check',
      tag: 'kyc',
      auth: true,
      response: KycStatusSchema,
      handler: async ({ user }) => kyc.status(user.userId),
    }),
    route({
      method: 'POST',
      path: '/kyc/start',
      summary: 'Starts (or resumes) the identity check for a tier: the provider\'s access token for its web flow',
      tag: 'kyc',
      auth: true,
      body: KycStartBodySchema,
      status: 201,
      response: KycStartSchema,
      rateLimitPerMinute: 10,
      handler: async ({ user, body }) => kyc.start(user.userId, body.tier),
    }),
    route({
      method: 'POST',
      path: '/kyc/sumsub/webhook',
      summary: 'Sumsub\'s signed events (X-Payload-Digest over the raw body); each applied once',
      tag: 'kyc',
      auth: false,
      rawBody: true,
      response: z.object({ received: z.boolean() }),
      handler: async ({ request, rawBody }) => {
        await kyc.receive(rawBody, request.headers);
        return { received: true };
      },
    }),
  ];
}
