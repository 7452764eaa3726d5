import { ProtocolError } from '@guandan/protocol';
import Stripe from 'stripe';
import type { CardPayments, CheckoutRequest, CheckoutStarted, PaymentEvent } from './card-payments.js';

/** Where the SDK sends requests: Stripe's API unless a URL is given (a local server implementing it, in tests). */
function endpointOf(apiUrl: string | undefined): { host?: string; port?: number; protocol?: 'http' | 'https' } {
  if (apiUrl === undefined) return {};
  const url = new URL(apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
}

/**
 * Card payments through Stripe Checkout, with Stripe's own SDK: a hosted payment page per purchase, and webhook
 * events verified against the endpoint's signing secret on the raw body (`Stripe-Signature`, HMAC-SHA256 with a
 * timestamp tolerance). The purchase id rides in the session's and the payment's metadata, so a refund or a
 * dispute, which name only the payment, lead back to it.
 */
export class StripePayments implements CardPayments {
  readonly provider = 'stripe';
  private readonly stripe: Stripe;

  constructor(
    secretKey: string,
    private readonly webhookSecret: string,
    apiUrl?: string,
  ) {
    this.stripe = new Stripe(secretKey, { ...endpointOf(apiUrl), maxNetworkRetries: 2, telemetry: false });
  }

  async startCheckout(request: CheckoutRequest): Promise<CheckoutStarted> {
    const metadata = { purchase_id: request.purchaseId, user_id: request.userId };
    const session = await this.stripe.checkout.sessions.create(
      {
        mode: 'payment',
        line_items: [
          {
            quantity: 1,
            price_data: { currency: request.currency, unit_amount: request.amountMinor, product_data: { name: `${request.coins} game coins` } },
          },
        ],
        client_reference_id: request.purchaseId,
        metadata,
        payment_intent_data: { metadata },
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
      },
      // A retried request makes no second session.
      { idempotencyKey: `checkout:${request.purchaseId}` },
    );
    if (session.url === null) throw new ProtocolError('UNAVAILABLE', 'the payment provider gave no payment page');
    return { checkoutId: session.id, url: session.url };
  }

  async expireCheckout(checkoutId: string): Promise<boolean> {
    try {
      await this.stripe.checkout.sessions.expire(checkoutId);
      return true;
    } catch (error) {
      // Stripe refuses to expire a session that is complete (paid) or expired already.
      if (error instanceof Stripe.errors.StripeInvalidRequestError) return false;
      throw error;
    }
  }

  async readEvent(rawBody: Buffer, signature: string | undefined): Promise<PaymentEvent> {
    if (signature === undefined) throw new ProtocolError('BAD_WEBHOOK', 'no Stripe-Signature header');
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(rawBody, signature, this.webhookSecret);
    } catch (error) {
      throw new ProtocolError('BAD_WEBHOOK', `the webhook did not verify: ${error instanceof Error ? error.message : String(error)}`);
    }
    const ignored: PaymentEvent = { kind: 'ignored', eventId: event.id, type: event.type };
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded': {
        const session = event.data.object;
        const purchaseId = session.metadata?.purchase_id ?? session.client_reference_id;
        const paymentId = idOf(session.payment_intent);
        // A session paid by a slow method completes unpaid; its async_payment_succeeded event pays it.
        if (session.payment_status !== 'paid' || purchaseId == null || paymentId === null) return ignored;
        return { kind: 'paid', eventId: event.id, purchaseId, paymentId, amountMinor: session.amount_total ?? 0, currency: session.currency ?? '' };
      }
      case 'checkout.session.expired': {
        const session = event.data.object;
        const purchaseId = session.metadata?.purchase_id ?? session.client_reference_id;
        return purchaseId == null ? ignored : { kind: 'expired', eventId: event.id, purchaseId };
      }
      case 'charge.refunded': {
        const charge = event.data.object;
        const paymentId = idOf(charge.payment_intent);
        const purchaseId = paymentId === null ? null : await this.purchaseOf(paymentId);
        if (paymentId === null || purchaseId === null) return ignored;
        return { kind: 'refunded', eventId: event.id, purchaseId, paymentId, refundedMinor: charge.amount_refunded };
      }
      case 'charge.dispute.created': {
        const paymentId = idOf(event.data.object.payment_intent);
        const purchaseId = paymentId === null ? null : await this.purchaseOf(paymentId);
        if (paymentId === null || purchaseId === null) return ignored;
        return { kind: 'disputed', eventId: event.id, purchaseId, paymentId };
      }
      default:
        return ignored;
    }
  }

  /** The purchase a payment was for, from its metadata (null: not the shop's). */
  private async purchaseOf(paymentId: string): Promise<string | null> {
    const payment = await this.stripe.paymentIntents.retrieve(paymentId);
    return payment.metadata.purchase_id ?? null;
  }
}

function idOf(value: string | { id: string } | null): string | null {
  return value === null ? null : typeof value === 'string' ? value : value.id;
}
