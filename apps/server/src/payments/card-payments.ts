/** What a purchase asks of the card payment provider: a payment page for this amount. */
export interface CheckoutRequest {
  purchaseId: string;
  userId: string;
  productId: string;
  coins: number;
  amountMinor: number;
  currency: string;
  /** Where the provider sends the player back after paying, or after giving up. */
  successUrl: string;
  cancelUrl: string;
}

/** The provider's checkout: its id, and the page the player pays on. */
export interface CheckoutStarted {
  checkoutId: string;
  url: string;
}

/**
 * A verified provider event, in the platform's terms. Amounts are the provider's, in minor units; a refund's amount
 * is everything refunded on that payment so far.
 */
export type PaymentEvent =
  | { kind: 'paid'; eventId: string; purchaseId: string; paymentId: string; amountMinor: number; currency: string }
  | { kind: 'refunded'; eventId: string; purchaseId: string; paymentId: string; refundedMinor: number }
  | { kind: 'disputed'; eventId: string; purchaseId: string; paymentId: string }
  /** The checkout was given up or ran out unpaid. */
  | { kind: 'expired'; eventId: string; purchaseId: string }
  | { kind: 'ignored'; eventId: string; type: string };

/**
 * The card payment provider (Stripe): payment pages and signed events. Both calls reach the provider; `readEvent`
 * checks the signature on the raw body and refuses (BAD_WEBHOOK) anything it cannot verify.
 */
export interface CardPayments {
  readonly provider: string;
  startCheckout(request: CheckoutRequest): Promise<CheckoutStarted>;
  /** Closes an unpaid checkout, so it can no longer be paid; false when it was paid (or closed) already. */
  expireCheckout(checkoutId: string): Promise<boolean>;
  readEvent(rawBody: Buffer, signature: string | undefined): Promise<PaymentEvent>;
}
