import { createHmac, timingSafeEqual } from 'node:crypto';
import { ProtocolError } from '@guandan/protocol';
import { z } from 'zod';
import type { CheckStatus, IdentityChecks, KycEvent } from './identity-checks.js';

/** How long the web flow's token lasts. */
const TOKEN_TTL_SECONDS = 600;

/** The digest algorithms Sumsub signs webhooks with that are accepted (SHA-1 is not). */
const DIGESTS: Record<string, string> = { HMAC_SHA256_HEX: 'sha256', HMAC_SHA512_HEX: 'sha512' };

const ApplicantSchema = z.object({ id: z.string().min(1) });
const TokenSchema = z.object({ token: z.string().min(1) });
const WebhookSchema = z.object({
  type: z.string(),
  applicantId: z.string().optional(),
  externalUserId: z.string().optional(),
  levelName: z.string().optional(),
  correlationId: z.string().optional(),
  createdAtMs: z.string().optional(),
  reviewStatus: z.string().optional(),
  reviewResult: z.object({ reviewAnswer: z.enum(['GREEN', 'RED']), reviewRejectType: z.string().optional() }).optional(),
});

/**
 * Identity checks through Sumsub's API: requests signed with the app's secret (`X-App-Token`, `X-App-Access-Ts`,
 * `X-App-Access-Sig` = HMAC-SHA256 of timestamp, method, path and body), an applicant per person (its external id
 * is the account id) and a WebSDK access token per verification level; webhooks verified by `X-Payload-Digest`,
 * an HMAC of the raw body with the webhook secret.
 */
export class SumsubChecks implements IdentityChecks {
  readonly provider = 'sumsub';

  constructor(private readonly settings: { appToken: string; secretKey: string; webhookSecret: string; apiUrl: string }) {}

  async startCheck(userId: string, level: string): Promise<{ applicantId: string; accessToken: string; expiresIn: number }> {
    const applicantId = await this.applicantOf(userId, level);
    const token = TokenSchema.parse(await this.call('POST', '/resources/accessTokens/sdk', { userId, levelName: level, ttlInSecs: TOKEN_TTL_SECONDS }));
    return { applicantId, accessToken: token.token, expiresIn: TOKEN_TTL_SECONDS };
  }

  readEvent(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): KycEvent {
    const digest = headers['x-payload-digest'];
    const algorithm = DIGESTS[String(headers['x-payload-digest-alg'] ?? 'HMAC_SHA256_HEX')];
    if (typeof digest !== 'string' || algorithm === undefined) throw new ProtocolError('BAD_WEBHOOK', 'no X-Payload-Digest, or a digest algorithm not accepted');
    const expected = createHmac(algorithm, this.settings.webhookSecret).update(rawBody).digest();
    const given = Buffer.from(digest, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new ProtocolError('BAD_WEBHOOK', 'the webhook digest does not match its body');
    const parsed = WebhookSchema.safeParse(jsonOf(rawBody));
    if (!parsed.success) throw new ProtocolError('BAD_WEBHOOK', 'not a Sumsub webhook');
    const event = parsed.data;
    const key = `${event.type}:${event.applicantId ?? ''}:${event.createdAtMs ?? event.correlationId ?? ''}`;
    const status = statusOf(event);
    if (status === null || event.applicantId === undefined || event.externalUserId === undefined || event.levelName === undefined) return { kind: 'ignored', key, type: event.type };
    const at = new Date(event.createdAtMs === undefined ? Date.now() : Number(event.createdAtMs)).toISOString();
    return { kind: 'status', key, userId: event.externalUserId, applicantId: event.applicantId, level: event.levelName, status, at };
  }

  /** The person's applicant: made at this level, or the one they have already (one per person). */
  private async applicantOf(userId: string, level: string): Promise<string> {
    const made = await this.request('POST', `/resources/applicants?levelName=${encodeURIComponent(level)}`, { externalUserId: userId });
    if (made.status === 409) return ApplicantSchema.parse(await this.call('GET', `/resources/applicants/-;externalUserId=${encodeURIComponent(userId)}/one`)).id;
    if (!made.ok) throw unavailable(made.status);
    return ApplicantSchema.parse(await made.json()).id;
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await this.request(method, path, body);
    if (!response.ok) throw unavailable(response.status);
    return response.json();
  }

  private request(method: string, path: string, body?: unknown): Promise<Response> {
    const payload = body === undefined ? '' : JSON.stringify(body);
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = createHmac('sha256', this.settings.secretKey).update(`${ts}${method}${path}${payload}`).digest('hex');
    return fetch(`${this.settings.apiUrl}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        'x-app-token': this.settings.appToken,
        'x-app-access-ts': ts,
        'x-app-access-sig': signature,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: payload }),
      signal: AbortSignal.timeout(10_000),
    });
  }
}

/** What a Sumsub event says of the check; null for events that say nothing about it. */
function statusOf(event: z.infer<typeof WebhookSchema>): Exclude<CheckStatus, 'started'> | null {
  if (event.type === 'applicantPending') return 'pending';
  if (event.type !== 'applicantReviewed' || event.reviewResult === undefined) return null;
  if (event.reviewResult.reviewAnswer === 'GREEN') return 'approved';
  return event.reviewResult.reviewRejectType === 'RETRY' ? 'retry' : 'rejected';
}

function unavailable(status: number): ProtocolError {
  return new ProtocolError('UNAVAILABLE', `the identity provider answered ${status}: try again`);
}

function jsonOf(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
