import { ProtocolError, type ResponsiblePlay as ResponsiblePlayView, SPENDING_PERIODS, type SpendingPeriod } from '@guandan/protocol';
import type { Transaction } from 'kysely';
import type { Db, Executor } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';
import { limitInForce, requestLimit } from './limit-change.js';
import { PurchaseStore } from './purchase-store.js';
import { ResponsiblePlayStore } from './responsible-play-store.js';

const DAY_MS = 86_400_000;
/** The rolling window of each period. */
const PERIOD_MS: Record<SpendingPeriod, number> = { day: DAY_MS, week: 7 * DAY_MS, month: 30 * DAY_MS };

/**
 * Responsible play in the shop: the limits a player sets on their own spending per rolling day, week and month (a
 * lower limit at once, a higher one only after a cooling-off period), and self-exclusion from buying for a chosen
 * number of days, which can only be made longer. Every checkout is counted against both.
 */
export class ResponsiblePlay {
  private readonly store = new ResponsiblePlayStore();
  private readonly purchases: PurchaseStore;

  constructor(
    private readonly db: Db,
    private readonly settings: { coolingOffMs: number; currency: string },
  ) {
    this.purchases = new PurchaseStore(db);
  }

  async view(userId: string, db: Executor = this.db): Promise<ResponsiblePlayView> {
    const now = Date.now();
    const [limits, until] = await Promise.all([this.store.limits(db, userId), this.store.excludedUntil(db, userId)]);
    const rows = await Promise.all(
      SPENDING_PERIODS.map(async (period) => {
        const state = ResponsiblePlayStore.stateOf(limits, period);
        const pending = state.pending !== null && state.pending.from > now ? { limit_minor: state.pending.limit, from: new Date(state.pending.from).toISOString() } : null;
        const spent = await this.purchases.spentSince(db, userId, new Date(now - PERIOD_MS[period]).toISOString());
        return { period, limit_minor: limitInForce(state, now), spent_minor: spent, pending };
      }),
    );
    return {
      currency: this.settings.currency,
      cooling_off_hours: Math.round(this.settings.coolingOffMs / 3_600_000),
      limits: rows,
      self_excluded_until: until !== null && Date.parse(until) > now ? until : null,
    };
  }

  async setLimit(userId: string, period: SpendingPeriod, wanted: number | null): Promise<ResponsiblePlayView> {
    await this.db.transaction().execute(async (trx) => {
      await this.store.lockLimits(trx, userId);
      const state = ResponsiblePlayStore.stateOf(await this.store.limits(trx, userId), period);
      const now = Date.now();
      await this.store.saveLimit(trx, userId, period, requestLimit(state, wanted, now, this.settings.coolingOffMs), new Date(now).toISOString());
    });
    return this.view(userId);
  }

  /** No purchase for `days` from now; a longer exclusion already in force stays. */
  async exclude(userId: string, days: number): Promise<ResponsiblePlayView> {
    await this.db.transaction().execute(async (trx) => {
      const now = Date.now();
      const current = await this.store.excludedUntil(trx, userId);
      const until = Math.max(now + days * DAY_MS, current === null ? 0 : Date.parse(current));
      await this.store.saveExclusion(trx, userId, new Date(until).toISOString(), new Date(now).toISOString());
    });
    return this.view(userId);
  }

  /**
   * Refuses a purchase of `amountMinor` the person's self-exclusion or limits do not allow (SELF_EXCLUDED,
   * SPENDING_LIMIT). In the checkout's transaction, which then writes the purchase: the limit rows stay locked until
   * it commits, so two checkouts at once cannot both pass. Answers what the person spent in each period, which other
   * rules on the purchase read too.
   */
  async allowPurchase(trx: Transaction<Database>, userId: string, amountMinor: number): Promise<Record<SpendingPeriod, number>> {
    await this.store.lockLimits(trx, userId);
    const view = await this.view(userId, trx);
    if (view.self_excluded_until !== null) throw new ProtocolError('SELF_EXCLUDED', `you excluded yourself from buying until ${view.self_excluded_until}`);
    for (const limit of view.limits) {
      if (limit.limit_minor !== null && limit.spent_minor + amountMinor > limit.limit_minor) {
        throw new ProtocolError('SPENDING_LIMIT', `this would go over your ${limit.period} spending limit (${limit.spent_minor} of ${limit.limit_minor} spent)`);
      }
    }
    return Object.fromEntries(view.limits.map((limit) => [limit.period, limit.spent_minor])) as Record<SpendingPeriod, number>;
  }
}
