import { randomUUID } from 'node:crypto';
import { type Checkout, type PaymentHold, ProtocolError, type Purchase, type PurchaseCompletedPayload, type PurchaseStatus, serverMessage, type Shop } from '@guandan/protocol';
import type { Transaction } from 'kysely';
import type { CoinAccounts } from '../coins/index.js';
import { ageOn, todayUtc } from '../users/index.js';
import type { Db } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';
import { transactionOf, unitOfWork, type UnitOfWork } from '../platform/db/unit-of-work.js';
import type { UserOutbound } from '../platform/user-outbound.js';
import type { CardPayments, PaymentEvent } from './card-payments.js';
import type { Catalog } from './catalog.js';
import { type HoldFilter, type HoldRow, type PurchaseRow, PurchaseStore, toPurchase } from './purchase-store.js';
import type { ResponsiblePlay } from './responsible-play.js';
import { coinsToTakeBack } from './take-back.js';

/** Checkouts a person may leave unpaid within an hour: each one is a request to the provider. */
const OPEN_CHECKOUTS_PER_HOUR = 10;

export interface PaymentsDeps {
  db: Db;
  catalog: Catalog;
  /** Null when payments are off: the shop is closed. */
  provider: CardPayments | null;
  coins: CoinAccounts;
  outbound: UserOutbound;
  /** Where players come back to after paying. */
  publicUrl: string | null;
  responsible: ResponsiblePlay;
  /** The person's date of birth (the users domain's; null: not given) and the youngest age that may buy. */
  birthDateOf: (userId: string) => Promise<string | null>;
  minAge: number;
  /** The person's identity tier (the kyc domain's); below 1, spending in 30 days is capped at `tier1AboveMonthlyMinor`. */
  kycTierOf: (userId: string) => Promise<number>;
  tier1AboveMonthlyMinor: number;
  /** Countries (ISO 3166 alpha-2) where paid features are off. */
  blockedCountries: ReadonlySet<string>;
  log: { warn(object: unknown, message: string): void; error(object: unknown, message: string): void };
}

type Paid = PurchaseCompletedPayload & { userId: string };

/**
 * The coin shop. A purchase starts as a checkout on the provider's payment page; its coins are given only when the
 * provider's signed event says it was paid. Each event is applied once (by its id) in one transaction with what it
 * does, in whatever order events arrive: a refund or a dispute takes the coins back (in proportion to the money
 * refunded), and what the player has already spent becomes a hold that stops further purchases until an operator
 * lifts it.
 */
export class PaymentsService {
  private readonly store: PurchaseStore;

  constructor(private readonly deps: PaymentsDeps) {
    this.store = new PurchaseStore(deps.db);
  }

  /** The shop as a player in `country` (null: not known) sees it. */
  shop(country: string | null): Shop {
    const closedReason = this.deps.provider === null ? 'not_configured' : country !== null && this.deps.blockedCountries.has(country) ? 'country' : null;
    return { open: closedReason === null, closed_reason: closedReason, products: this.deps.catalog.all() };
  }

  /**
   * Starts a purchase: refused when the shop is closed to the player, the account is on hold, has too many unpaid
   * checkouts, the player's self-exclusion or spending limits do not allow it, or it would take an account below
   * identity tier 1 over the monthly amount; then the provider's payment page.
   */
  async checkout(userId: string, productId: string, country: string | null): Promise<Checkout> {
    const provider = this.openProvider();
    if (this.shop(country).closed_reason === 'country') throw new ProtocolError('SHOP_CLOSED', 'paid features are not offered in your country');
    const product = this.deps.catalog.get(productId);
    const birthDate = await this.deps.birthDateOf(userId);
    if (birthDate === null) throw new ProtocolError('AGE_REQUIRED', 'give your date of birth before buying (PUT /v4/users/me/birth-date)');
    if (ageOn(birthDate, todayUtc()) < this.deps.minAge) throw new ProtocolError('UNDER_AGE', `buying is for players of ${this.deps.minAge} and over`);
    if (await this.store.onHold(userId)) throw new ProtocolError('PAYMENT_HOLD', 'a refunded or disputed purchase is still owed: the shop is closed to this account until it is settled');
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    if ((await this.store.unpaidSince(userId, hourAgo)) >= OPEN_CHECKOUTS_PER_HOUR) throw new ProtocolError('RATE_LIMITED', 'too many unpaid checkouts: pay or wait an hour');
    const purchaseId = randomUUID();
    const now = new Date().toISOString();
    const tier = await this.deps.kycTierOf(userId);
    await this.deps.db.transaction().execute(async (trx) => {
      const spent = await this.deps.responsible.allowPurchase(trx, userId, product.price_minor);
      if (tier < 1 && spent.month + product.price_minor > this.deps.tier1AboveMonthlyMinor) {
        throw new ProtocolError('KYC_REQUIRED', 'spending more in 30 days needs an identity check (tier 1)');
      }
      await this.store.insert(trx, {
        id: purchaseId,
        user_id: userId,
        product_id: product.product_id,
        coins: product.coins,
        amount_minor: product.price_minor,
        currency: product.currency,
        provider: provider.provider,
        checkout_id: null,
        payment_id: null,
        status: 'pending',
        created_at: now,
        paid_at: null,
        updated_at: now,
      });
    });
    const back = `${this.deps.publicUrl ?? ''}/?purchase=${purchaseId}`;
    try {
      const started = await provider.startCheckout({
        purchaseId,
        userId,
        productId: product.product_id,
        coins: product.coins,
        amountMinor: product.price_minor,
        currency: product.currency,
        successUrl: back,
        cancelUrl: `${back}&cancelled=1`,
      });
      await this.store.setCheckout(purchaseId, started.checkoutId, new Date().toISOString());
      return { purchase_id: purchaseId, checkout_url: started.url };
    } catch (error) {
      this.deps.log.error({ err: error, purchaseId }, 'starting a checkout failed');
      await this.store.setStatus(this.deps.db, purchaseId, 'failed', new Date().toISOString());
      throw new ProtocolError('UNAVAILABLE', 'the payment provider did not answer: try again');
    }
  }

  /**
   * The player gives up a checkout they left unpaid: it is closed at the provider, so it no longer counts against
   * their limits. NOT_FOUND for another account's purchase; CONFLICT once it is paid or closed.
   */
  async cancel(userId: string, purchaseId: string): Promise<Purchase> {
    const provider = this.openProvider();
    const purchase = await this.store.get(this.deps.db, purchaseId);
    if (purchase === undefined || purchase.user_id !== userId) throw new ProtocolError('NOT_FOUND', `no purchase ${purchaseId}`);
    if (purchase.status !== 'pending' || purchase.checkout_id === null) throw new ProtocolError('CONFLICT', `this purchase is ${purchase.status}`);
    if (!(await provider.expireCheckout(purchase.checkout_id))) throw new ProtocolError('CONFLICT', 'this checkout was paid or closed already');
    const now = new Date().toISOString();
    await this.store.update(this.deps.db, purchase.id, { status: 'expired' }, now);
    return toPurchase({ ...purchase, status: 'expired', updated_at: now });
  }

  purchases(userId: string, page: number, perPage: number): Promise<{ items: Purchase[]; total: number }> {
    return this.store.page(userId, page, perPage);
  }

  /** Holds for the operators' console, with each account's current name. */
  async holds(filter: HoldFilter, page: number, perPage: number, usernames: (userIds: readonly string[]) => Promise<Map<string, string>>): Promise<{ items: PaymentHold[]; total: number }> {
    const { rows, total } = await this.store.holds(filter, (page - 1) * perPage, perPage);
    const names = await usernames([...new Set(rows.map((row) => row.user_id))]);
    return { items: rows.map((row) => toHold(row, names.get(row.user_id) ?? null)), total };
  }

  /**
   * Lifts an open hold (an operator: the debt settled or written off, as the reason says); the shop opens to the
   * account again if no other hold is open. In the caller's unit of work, with its audit entry. NOT_FOUND, or
   * CONFLICT when it was lifted already.
   */
  async liftHold(work: UnitOfWork, holdId: string, lift: { by: string; reason: string }): Promise<{ before: PaymentHold; after: PaymentHold }> {
    const trx = transactionOf(work);
    const before = await this.store.hold(trx, holdId);
    if (before === undefined) throw new ProtocolError('NOT_FOUND', `no hold ${holdId}`);
    if (!(await this.store.liftHold(trx, holdId, lift, new Date().toISOString()))) throw new ProtocolError('CONFLICT', 'this hold was lifted already');
    const after = (await this.store.hold(trx, holdId)) as HoldRow;
    return { before: toHold(before, null), after: toHold(after, null) };
  }

  /**
   * A webhook from the provider: verified on its raw bytes (BAD_WEBHOOK otherwise, changing nothing), then applied
   * once. A failure after verification answers an error, so the provider sends the event again.
   */
  async receive(rawBody: Buffer, signature: string | undefined): Promise<void> {
    const provider = this.openProvider();
    const event = await provider.readEvent(rawBody, signature);
    const paid = await this.deps.db.transaction().execute((trx) => this.apply(trx, provider.provider, event));
    if (paid !== null) {
      const { userId, ...payload } = paid;
      this.deps.outbound.sendToUser(userId, serverMessage('PURCHASE_COMPLETED', payload, { seq: 0, messageId: `purchase:${payload.purchaseId}` }));
    }
  }

  private async apply(trx: Transaction<Database>, provider: string, event: PaymentEvent): Promise<Paid | null> {
    const now = new Date().toISOString();
    const purchaseId = event.kind === 'ignored' ? null : event.purchaseId;
    if (!(await this.store.markEvent(trx, { provider, eventId: event.eventId, kind: event.kind === 'ignored' ? event.type : event.kind, purchaseId }, now))) return null;
    if (event.kind === 'ignored') return null;
    const purchase = await this.store.lockAndGet(trx, event.purchaseId, now);
    if (purchase === undefined) {
      this.deps.log.warn({ eventId: event.eventId, purchaseId: event.purchaseId }, 'a payment event names no purchase of ours');
      return null;
    }
    switch (event.kind) {
      case 'paid':
        return this.paid(trx, purchase, event, now);
      case 'refunded':
        await this.takeBack(trx, purchase, coinsToTakeBack(purchase.coins, purchase.amount_minor, event.refundedMinor), 'refunded', event.paymentId, now);
        return null;
      case 'disputed':
        await this.takeBack(trx, purchase, purchase.coins, 'disputed', event.paymentId, now);
        return null;
      case 'expired':
        if (purchase.status === 'pending') await this.store.update(trx, purchase.id, { status: 'expired' }, now);
        return null;
    }
  }

  private async paid(trx: Transaction<Database>, purchase: PurchaseRow, event: Extract<PaymentEvent, { kind: 'paid' }>, now: string): Promise<Paid | null> {
    if (purchase.status !== 'pending') {
      // Paid already, or refunded or disputed before this event came (events arrive in any order): nothing to give.
      if (purchase.payment_id === null) await this.store.update(trx, purchase.id, { payment_id: event.paymentId, paid_at: now }, now);
      return null;
    }
    if (event.amountMinor !== purchase.amount_minor || event.currency !== purchase.currency) {
      this.deps.log.error({ purchaseId: purchase.id, paid: [event.amountMinor, event.currency], price: [purchase.amount_minor, purchase.currency] }, 'a payment does not match its purchase: no coins given');
      await this.store.update(trx, purchase.id, { status: 'failed', payment_id: event.paymentId }, now);
      return null;
    }
    const { balance } = await this.deps.coins.apply(
      { userId: purchase.user_id, amount: purchase.coins, reason: `purchase: ${purchase.product_id}`, idempotencyKey: `purchase:${purchase.id}` },
      unitOfWork(trx),
    );
    await this.store.update(trx, purchase.id, { status: 'paid', payment_id: event.paymentId, paid_at: now }, now);
    return { userId: purchase.user_id, purchaseId: purchase.id, productId: purchase.product_id, coins: purchase.coins, balance };
  }

  /**
   * Takes back a refunded or disputed purchase's coins, up to `target` in all: what the account holds now, and a
   * hold for the rest it already spent. A purchase not paid yet never will give its coins.
   */
  private async takeBack(trx: Transaction<Database>, purchase: PurchaseRow, target: number, why: 'refunded' | 'disputed', paymentId: string, now: string): Promise<void> {
    const status: PurchaseStatus = why === 'disputed' || purchase.status === 'disputed' ? 'disputed' : 'refunded';
    if (purchase.status === 'pending' || purchase.status === 'failed') {
      await this.store.update(trx, purchase.id, { status, payment_id: purchase.payment_id ?? paymentId }, now);
      return;
    }
    const more = target - purchase.coins_taken_back;
    if (more > 0) {
      const work = unitOfWork(trx);
      const taken = Math.min(await this.deps.coins.balanceOf(purchase.user_id, work), more);
      if (taken > 0) {
        await this.deps.coins.apply({ userId: purchase.user_id, amount: -taken, reason: `purchase ${why}: ${purchase.product_id}`, idempotencyKey: `purchase-back:${purchase.id}:${target}` }, work);
      }
      if (taken < more) {
        const owed = more - taken;
        await this.store.addHold(trx, { id: randomUUID(), userId: purchase.user_id, purchaseId: purchase.id, owedCoins: owed, reason: `purchase ${why}: ${owed} coins already spent` }, now);
      }
    }
    await this.store.update(trx, purchase.id, { status, coins_taken_back: Math.max(target, purchase.coins_taken_back) }, now);
  }

  private openProvider(): CardPayments {
    if (this.deps.provider === null) throw new ProtocolError('SHOP_CLOSED', 'the shop is closed: payments are not configured here');
    return this.deps.provider;
  }
}

function toHold(row: HoldRow, username: string | null): PaymentHold {
  return {
    hold_id: row.id,
    user_id: row.user_id,
    username,
    purchase_id: row.purchase_id,
    owed_coins: row.owed_coins,
    reason: row.reason,
    created_at: row.created_at,
    lifted_at: row.lifted_at,
    lifted_by: row.lifted_by,
    lift_reason: row.lift_reason,
  };
}
