import { type KycStart, type KycStatus, type KycTier, ProtocolError } from '@guandan/protocol';
import type { Db, Executor } from '../platform/db/database.js';
import type { CheckStatus, IdentityChecks } from './identity-checks.js';
import { type CheckRow, KycStore } from './kyc-store.js';

export interface KycDeps {
  db: Db;
  /** Null when identity checks are off: nobody rises above tier 0. */
  provider: IdentityChecks | null;
  /** The provider's verification level for each tier. */
  levels: { 1: string; 2: string };
  tier1AboveMonthlyMinor: number;
  log: { warn(object: unknown, message: string): void };
}

/**
 * Identity checks (KYC) and the tier they give: 0 may play and buy up to a monthly amount, 1 may spend above it, 2
 * may cash out. A check runs in the provider's own web flow; the tier changes only from the provider's verified
 * webhook, each event applied once and never over a newer one.
 */
export class KycService {
  private readonly store = new KycStore();

  constructor(private readonly deps: KycDeps) {}

  /** The highest tier whose check is approved (0 with none). */
  async tierOf(userId: string, db: Executor = this.deps.db): Promise<KycTier> {
    return tierFrom(await this.store.checks(db, userId));
  }

  async status(userId: string): Promise<KycStatus> {
    const checks = await this.store.checks(this.deps.db, userId);
    const latest = [...checks].sort((a, b) => b.updated_at.localeCompare(a.updated_at))[0];
    return {
      enabled: this.deps.provider !== null,
      tier: tierFrom(checks),
      check: latest === undefined ? null : { tier: latest.tier === 2 ? 2 : 1, status: latest.status as CheckStatus, updated_at: latest.updated_at },
      tier1_above_monthly_minor: this.deps.tier1AboveMonthlyMinor,
    };
  }

  /** Starts (or resumes) the check for `tier`: what the provider's web flow needs. CONFLICT when already there. */
  async start(userId: string, tier: 1 | 2): Promise<KycStart> {
    const provider = this.openProvider();
    if ((await this.tierOf(userId)) >= tier) throw new ProtocolError('CONFLICT', `this account is tier ${tier} already`);
    const level = this.deps.levels[tier];
    const check = await provider.startCheck(userId, level);
    await this.store.started(this.deps.db, { userId, tier, provider: provider.provider, applicantId: check.applicantId, level }, new Date().toISOString());
    return { provider: 'sumsub', level, access_token: check.accessToken, expires_in: check.expiresIn };
  }

  /** A provider webhook: verified on its raw bytes (BAD_WEBHOOK otherwise, changing nothing), then applied once. */
  async receive(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): Promise<void> {
    const provider = this.openProvider();
    const event = provider.readEvent(rawBody, headers);
    await this.deps.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      if (!(await this.store.markEvent(trx, provider.provider, event.key, now)) || event.kind === 'ignored') return;
      const tier = event.level === this.deps.levels[2] ? 2 : event.level === this.deps.levels[1] ? 1 : null;
      const check = await this.store.lockCheck(trx, event.userId, event.level, event.applicantId);
      if (tier === null || check === undefined) {
        this.deps.log.warn({ key: event.key, level: event.level }, 'an identity event names no check of ours');
        return;
      }
      // Events can arrive late and out of order: one older than what the check shows changes nothing.
      if (check.event_at !== null && check.event_at > event.at) return;
      await this.store.setStatus(trx, event.userId, tier, event.status, event.at, now);
    });
  }

  private openProvider(): IdentityChecks {
    if (this.deps.provider === null) throw new ProtocolError('KYC_OFF', 'identity checks are not offered here');
    return this.deps.provider;
  }
}

function tierFrom(checks: readonly CheckRow[]): KycTier {
  const approved = checks.filter((check) => check.status === 'approved').map((check) => check.tier);
  return approved.includes(2) ? 2 : approved.includes(1) ? 1 : 0;
}
