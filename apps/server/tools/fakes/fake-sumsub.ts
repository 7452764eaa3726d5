import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocally, type LocalServer, readBody, sendJson } from './local-http.js';

interface Applicant {
  id: string;
  externalUserId: string;
  levelName: string;
  createdAt: string;
}

export interface Delivery {
  status: number;
  body: string;
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

/**
 * A local stand-in for Sumsub, for the calls the platform makes, on Sumsub's wire contract: requests signed with the
 * app token and secret (`X-App-Token`, `X-App-Access-Ts`, `X-App-Access-Sig` = HMAC-SHA256 hex of ts + method + path
 * + body, refused with 401 otherwise), applicants by external user id (409 when one exists), WebSDK access tokens;
 * and webhooks posted to the platform with `X-Payload-Digest` (an HMAC of the body) and `X-Payload-Digest-Alg`.
 */
export class FakeSumsub {
  readonly appToken = `sbx:${hex(12)}`;
  readonly secretKey = hex(16);
  readonly webhookSecret = hex(16);
  webhookUrl = '';
  url = '';
  readonly applicants = new Map<string, Applicant>();
  /** Every event made, by key, as it was (and will again be) sent. */
  readonly events = new Map<string, string>();
  private server: LocalServer | null = null;

  async start(): Promise<void> {
    this.server = await listenLocally((request, response) => this.handle(request, response));
    this.url = this.server.url;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  /** The person sent their documents: `applicantPending`. */
  submit(externalUserId: string, options: { deliver?: boolean } = {}): Promise<{ key: string; delivery: Delivery | null }> {
    return this.event(externalUserId, { type: 'applicantPending', reviewStatus: 'pending' }, options);
  }

  /** The review's outcome: `applicantReviewed` with GREEN, or RED with a FINAL or RETRY rejection. */
  review(externalUserId: string, answer: 'GREEN' | 'RED', rejectType: 'FINAL' | 'RETRY' = 'FINAL', options: { deliver?: boolean } = {}): Promise<{ key: string; delivery: Delivery | null }> {
    const reviewResult = answer === 'GREEN' ? { reviewAnswer: 'GREEN' } : { reviewAnswer: 'RED', reviewRejectType: rejectType, rejectLabels: ['DOCUMENT_PAGE_MISSING'] };
    return this.event(externalUserId, { type: 'applicantReviewed', reviewStatus: 'completed', reviewResult }, options);
  }

  /** Posts a made event (again), with its digest, or one computed with `secret` / `algorithm` to forge or weaken it. */
  async deliver(key: string, options: { secret?: string; algorithm?: 'sha1' | 'sha256' | 'sha512'; body?: string } = {}): Promise<Delivery> {
    const body = options.body ?? this.events.get(key);
    if (body === undefined) throw new Error(`no event ${key}`);
    const algorithm = options.algorithm ?? 'sha256';
    const response = await fetch(this.webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-payload-digest': createHmac(algorithm, options.secret ?? this.webhookSecret).update(body).digest('hex'),
        'x-payload-digest-alg': `HMAC_${algorithm.toUpperCase()}_HEX`,
      },
      body,
    });
    return { status: response.status, body: await response.text() };
  }

  private async event(externalUserId: string, fields: Record<string, unknown>, options: { deliver?: boolean }): Promise<{ key: string; delivery: Delivery | null }> {
    const applicant = [...this.applicants.values()].find((candidate) => candidate.externalUserId === externalUserId);
    if (applicant === undefined) throw new Error(`no applicant for ${externalUserId}`);
    const createdAtMs = String(Date.now() + this.events.size);
    const event = {
      applicantId: applicant.id,
      inspectionId: hex(12),
      correlationId: hex(16),
      levelName: applicant.levelName,
      externalUserId,
      sandboxMode: true,
      clientId: 'guandan',
      createdAtMs,
      ...fields,
    };
    const key = `${String(fields.type)}:${applicant.id}:${createdAtMs}`;
    this.events.set(key, JSON.stringify(event));
    return { key, delivery: options.deliver === false ? null : await this.deliver(key) };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const path = request.url ?? '/';
    const ts = String(request.headers['x-app-access-ts'] ?? '');
    const expected = createHmac('sha256', this.secretKey).update(`${ts}${request.method ?? ''}${path}${body}`).digest('hex');
    const fresh = Math.abs(Date.now() / 1000 - Number(ts)) < 300;
    if (request.headers['x-app-token'] !== this.appToken || request.headers['x-app-access-sig'] !== expected || !fresh) {
      return sendJson(response, 401, { description: 'Request signature mismatch', code: 401, correlationId: hex(16) });
    }
    const url = new URL(path, this.url);
    if (request.method === 'POST' && url.pathname === '/resources/applicants') {
      const { externalUserId } = JSON.parse(body) as { externalUserId: string };
      const existing = [...this.applicants.values()].find((applicant) => applicant.externalUserId === externalUserId);
      if (existing !== undefined) return sendJson(response, 409, { description: `Applicant with external user id '${externalUserId}' already exists: ${existing.id}`, code: 409, correlationId: hex(16) });
      const applicant = { id: hex(12), externalUserId, levelName: url.searchParams.get('levelName') ?? '', createdAt: new Date().toISOString() };
      this.applicants.set(applicant.id, applicant);
      return sendJson(response, 201, { ...applicant, clientId: 'guandan', type: 'individual', review: { reviewStatus: 'init' } });
    }
    const one = /^\/resources\/applicants\/-;externalUserId=([^/]+)\/one$/.exec(url.pathname);
    if (request.method === 'GET' && one !== null) {
      const applicant = [...this.applicants.values()].find((candidate) => candidate.externalUserId === decodeURIComponent(one[1]));
      return applicant === undefined ? sendJson(response, 404, { description: 'Applicant not found', code: 404 }) : sendJson(response, 200, applicant);
    }
    if (request.method === 'POST' && url.pathname === '/resources/accessTokens/sdk') {
      const { userId, levelName } = JSON.parse(body) as { userId: string; levelName: string };
      // The WebSDK moves an applicant to the level its token names.
      for (const applicant of this.applicants.values()) if (applicant.externalUserId === userId) applicant.levelName = levelName;
      return sendJson(response, 200, { token: `_act-sbx-jwt-${hex(24)}`, userId });
    }
    sendJson(response, 404, { description: `no route ${request.method} ${url.pathname}`, code: 404 });
  }
}

