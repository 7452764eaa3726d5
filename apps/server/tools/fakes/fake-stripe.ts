import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocally, type LocalServer, readBody, sendJson } from './local-http.js';

/** Stripe's API version the fake answers as (the SDK's pinned one). */
const API_VERSION = '2026-11-18.endive';

type Json = Record<string, unknown>;

interface Session extends Json {
  id: string;
  amount_total: number;
  currency: string;
  metadata: Record<string, string>;
  payment_intent: string | null;
  payment_status: 'unpaid' | 'paid';
  status: 'open' | 'complete' | 'expired';
  success_url: string;
  cancel_url: string;
}

interface Payment {
  intent: Json & { id: string; amount: number; currency: string; metadata: Record<string, string> };
  charge: Json & { id: string; amount_refunded: number; refunded: boolean };
}

export interface Delivery {
  status: number;
  body: string;
}

const newId = (prefix: string): string => `${prefix}_test_${randomBytes(12).toString('hex')}`;

/**
 * A local stand-in for Stripe, for the calls the platform makes, on Stripe's wire contract: form-encoded requests
 * with bracketed keys and a bearer secret key, JSON objects back (checkout sessions, payment intents), Stripe's error
 * shape, idempotency keys honoured; a hosted payment page; and webhook events (`event` objects) posted to the
 * platform signed the way Stripe signs them: `Stripe-Signature: t=<unix seconds>,v1=<HMAC-SHA256 of "t.body">`.
 */
export class FakeStripe {
  readonly secretKey = `sk_test_${randomBytes(16).toString('hex')}`;
  readonly webhookSecret = `whsec_${randomBytes(24).toString('hex')}`;
  /** Where events are posted: the platform's webhook endpoint, once it is up. */
  webhookUrl = '';
  readonly sessions = new Map<string, Session>();
  readonly payments = new Map<string, Payment>();
  /** Every event made, by id, as it was (and will again be) sent. */
  readonly events = new Map<string, string>();
  private readonly byIdempotencyKey = new Map<string, string>();
  private server: LocalServer | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = await listenLocally((request, response) => this.handle(request, response));
    this.url = this.server.url;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  /**
   * The player pays on the hosted page: the session completes and `checkout.session.completed` is posted (or only
   * made, with `deliver: false`: an event lost on the way, to send later or out of order).
   */
  async pay(sessionId: string, options: { deliver?: boolean } = {}): Promise<{ paymentId: string; eventId: string; delivery: Delivery | null }> {
    const session = this.sessions.get(sessionId);
    if (session === undefined) throw new Error(`no session ${sessionId}`);
    const paymentId = newId('pi');
    const charge = { id: newId('ch'), object: 'charge', amount: session.amount_total, amount_refunded: 0, refunded: false, currency: session.currency, payment_intent: paymentId, metadata: {}, paid: true, status: 'succeeded' };
    this.payments.set(paymentId, {
      intent: { id: paymentId, object: 'payment_intent', amount: session.amount_total, currency: session.currency, metadata: session.metadata, status: 'succeeded', latest_charge: charge.id },
      charge,
    });
    Object.assign(session, { payment_intent: paymentId, payment_status: 'paid', status: 'complete' });
    const eventId = this.makeEvent('checkout.session.completed', { ...session });
    return { paymentId, eventId, delivery: options.deliver === false ? null : await this.deliver(eventId) };
  }

  /** The session runs out unpaid (Stripe closes a checkout after a day): `checkout.session.expired`. */
  async expire(sessionId: string): Promise<{ eventId: string; delivery: Delivery }> {
    const session = this.sessions.get(sessionId);
    if (session === undefined) throw new Error(`no session ${sessionId}`);
    session.status = 'expired';
    const eventId = this.makeEvent('checkout.session.expired', { ...session });
    return { eventId, delivery: await this.deliver(eventId) };
  }

  /** Refunds `amount` more (all that is left by default): `charge.refunded` with the charge's refunded total. */
  async refund(paymentId: string, amount?: number): Promise<{ eventId: string; delivery: Delivery }> {
    const { charge, intent } = this.payment(paymentId);
    charge.amount_refunded = Math.min(intent.amount, charge.amount_refunded + (amount ?? intent.amount - charge.amount_refunded));
    charge.refunded = charge.amount_refunded === intent.amount;
    const eventId = this.makeEvent('charge.refunded', { ...charge });
    return { eventId, delivery: await this.deliver(eventId) };
  }

  /** The cardholder disputes the payment: `charge.dispute.created`. */
  async dispute(paymentId: string): Promise<{ eventId: string; delivery: Delivery }> {
    const { charge, intent } = this.payment(paymentId);
    const dispute = { id: newId('dp'), object: 'dispute', amount: intent.amount, currency: intent.currency, charge: charge.id, payment_intent: paymentId, reason: 'fraudulent', status: 'needs_response' };
    const eventId = this.makeEvent('charge.dispute.created', dispute);
    return { eventId, delivery: await this.deliver(eventId) };
  }

  /** Posts an event (again), signed with the endpoint's secret, or with `secret` to forge one. */
  async deliver(eventId: string, options: { secret?: string; body?: string } = {}): Promise<Delivery> {
    const body = options.body ?? this.events.get(eventId);
    if (body === undefined) throw new Error(`no event ${eventId}`);
    const response = await fetch(this.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': this.signature(body, options.secret ?? this.webhookSecret), 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
      body,
    });
    return { status: response.status, body: await response.text() };
  }

  /** Stripe's signature scheme: HMAC-SHA256 over `<timestamp>.<body>` with the endpoint's signing secret. */
  signature(body: string, secret: string, at = Math.floor(Date.now() / 1000)): string {
    return `t=${at},v1=${createHmac('sha256', secret).update(`${at}.${body}`, 'utf8').digest('hex')}`;
  }

  private makeEvent(type: string, object: Json): string {
    const id = newId('evt');
    const event = { id, object: 'event', api_version: API_VERSION, created: Math.floor(Date.now() / 1000), data: { object }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type };
    this.events.set(id, JSON.stringify(event, null, 2));
    return id;
  }

  private payment(paymentId: string): Payment {
    const payment = this.payments.get(paymentId);
    if (payment === undefined) throw new Error(`no payment ${paymentId}`);
    return payment;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const body = await readBody(request);
    const pay = /^\/pay\/(cs_test_\w+)$/.exec(url.pathname);
    if (pay !== null) return this.payPage(request.method ?? 'GET', pay[1], response);
    if (request.headers.authorization !== `Bearer ${this.secretKey}`) return reply(response, 401, stripeError('invalid_request_error', 'Invalid API Key provided'));
    const idempotencyKey = request.headers['idempotency-key'];
    if (request.method === 'POST' && typeof idempotencyKey === 'string' && this.byIdempotencyKey.has(idempotencyKey)) {
      return reply(response, 200, JSON.parse(this.byIdempotencyKey.get(idempotencyKey) as string) as Json);
    }
    const answer = this.route(request.method ?? 'GET', url.pathname, formDecode(body));
    if (answer.status === 200 && request.method === 'POST' && typeof idempotencyKey === 'string') this.byIdempotencyKey.set(idempotencyKey, JSON.stringify(answer.body));
    reply(response, answer.status, answer.body);
  }

  private route(method: string, path: string, form: Json): { status: number; body: Json } {
    if (method === 'POST' && path === '/v1/checkout/sessions') return { status: 200, body: this.createSession(form) };
    const session = /^\/v1\/checkout\/sessions\/(\w+)$/.exec(path);
    if (method === 'GET' && session !== null && this.sessions.has(session[1])) return { status: 200, body: this.sessions.get(session[1]) as Session };
    const expire = /^\/v1\/checkout\/sessions\/(\w+)\/expire$/.exec(path);
    if (method === 'POST' && expire !== null && this.sessions.has(expire[1])) {
      const found = this.sessions.get(expire[1]) as Session;
      if (found.status !== 'open') return { status: 400, body: stripeError('invalid_request_error', `Only Checkout Sessions with a status of open can be expired (this one is ${found.status}).`) };
      found.status = 'expired';
      // Stripe tells the endpoint in its own time; the answer does not wait for it.
      const eventId = this.makeEvent('checkout.session.expired', { ...found });
      setImmediate(() => void this.deliver(eventId).catch(() => undefined));
      return { status: 200, body: found };
    }
    const intent = /^\/v1\/payment_intents\/(\w+)$/.exec(path);
    if (method === 'GET' && intent !== null && this.payments.has(intent[1])) return { status: 200, body: this.payment(intent[1]).intent };
    return { status: 404, body: stripeError('invalid_request_error', `Unrecognized request URL (${method}: ${path})`) };
  }

  private createSession(form: Json): Session {
    const items = (form.line_items ?? {}) as Record<string, { quantity: string; price_data: { currency: string; unit_amount: string } }>;
    const amount = Object.values(items).reduce((sum, item) => sum + Number(item.price_data.unit_amount) * Number(item.quantity), 0);
    const currency = Object.values(items)[0]?.price_data.currency ?? 'usd';
    const id = newId('cs');
    const session: Session = {
      id,
      object: 'checkout.session',
      mode: String(form.mode),
      amount_total: amount,
      currency,
      client_reference_id: (form.client_reference_id as string | undefined) ?? null,
      metadata: (form.metadata ?? {}) as Record<string, string>,
      payment_intent: null,
      payment_status: 'unpaid',
      status: 'open',
      success_url: String(form.success_url),
      cancel_url: String(form.cancel_url),
      url: `${this.url}/pay/${id}`,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
    };
    this.sessions.set(id, session);
    return session;
  }

  /** The hosted payment page: the amount and a button that pays; paying posts the event and goes back to the site. */
  private async payPage(method: string, sessionId: string, response: ServerResponse): Promise<void> {
    const session = this.sessions.get(sessionId);
    if (session === undefined) return reply(response, 404, stripeError('invalid_request_error', 'No such checkout session'));
    if (method === 'POST') {
      if (session.status === 'open') await this.pay(sessionId);
      response.writeHead(303, { location: session.success_url }).end();
      return;
    }
    const price = `${(session.amount_total / 100).toFixed(2)} ${session.currency.toUpperCase()}`;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><html><head><meta name="viewport" content="width=device-width"><title>Pay</title></head><body>` +
        `<h1 data-testid="fake-stripe-amount">${price}</h1><form method="post"><button data-testid="fake-stripe-pay" type="submit">Pay ${price}</button></form>` +
        `<a data-testid="fake-stripe-cancel" href="${session.cancel_url}">Back</a></body></html>`,
    );
  }
}

/** Stripe's form encoding: `a[b][0][c]=v` keys into nested objects (arrays as objects keyed by index). */
function formDecode(body: string): Json {
  const root: Json = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split(/\[|\]\[|\]/).filter((part) => part !== '');
    let node = root;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Json;
    node[path[path.length - 1]] = value;
  }
  return root;
}

function stripeError(type: string, message: string): Json {
  return { error: { type, message } };
}

/** Stripe's answers carry a request id. */
function reply(response: ServerResponse, status: number, body: Json): void {
  sendJson(response, status, body, { 'request-id': newId('req') });
}
