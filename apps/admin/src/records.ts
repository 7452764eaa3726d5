import type { AdminTable, AnalyticsReport, AdminTableSummary, AdminUser, AdminUserDetail, AuditEntry, EconomyOverview, GameRecord, KycStatus, LedgerEntry, ModerationCase, PaymentHold, Purchase, RewardBatch, Sanction } from '@guandan/protocol';

/** The API's rows with the `id` react-admin keys records by (each resource's own id, copied). */
export type UserRecord = AdminUser & { id: string };
export type SanctionRecord = Sanction & { id: string };
export type UserDetailRecord = Omit<AdminUserDetail, 'sanctions'> & { id: string; sanctions: SanctionRecord[] };
export type AuditRecord = AuditEntry & { id: number };
export type LedgerRecord = LedgerEntry & { id: string };
export type GameRow = GameRecord & { id: string };
export type CaseRecord = ModerationCase & { id: string };
export type TableRecord = AdminTableSummary & { id: string };
export type WatchedTableRecord = AdminTable & { id: string };
export type BatchRecord = RewardBatch & { id: string };
export type HoldRecord = PaymentHold & { id: string };
export type PurchaseRecord = Purchase & { id: string };
/** An account's identity tier is one record, keyed by the account's id. */
export type KycRecord = KycStatus & { id: string };
/** The economy is one record: the overview, read as a whole. */
export const ECONOMY_OVERVIEW_ID = 'overview';
export type EconomyRecord = EconomyOverview & { id: typeof ECONOMY_OVERVIEW_ID };

/** A report is one record, keyed by its range (`analytics-range.ts`, `rangeId`). */
export type AnalyticsRecord = AnalyticsReport & { id: string };

export const toUserRecord = (user: AdminUser): UserRecord => ({ ...user, id: user.user_id });
export const toSanctionRecord = (sanction: Sanction): SanctionRecord => ({ ...sanction, id: sanction.sanction_id });
export const toUserDetailRecord = (user: AdminUserDetail): UserDetailRecord => ({
  ...user,
  id: user.user_id,
  sanctions: user.sanctions.map(toSanctionRecord),
});
export const toAuditRecord = (entry: AuditEntry): AuditRecord => ({ ...entry, id: entry.audit_id });
export const toLedgerRecord = (entry: LedgerEntry): LedgerRecord => ({ ...entry, id: entry.entry_id });
export const toGameRow = (game: GameRecord): GameRow => ({ ...game, id: game.game_id });
export const toCaseRecord = (item: ModerationCase): CaseRecord => ({ ...item, id: item.case_id });
export const toTableRecord = (table: AdminTableSummary): TableRecord => ({ ...table, id: table.game_id });
export const toWatchedTableRecord = (table: AdminTable): WatchedTableRecord => ({ ...table, id: table.game_id });
export const toBatchRecord = (batch: RewardBatch): BatchRecord => ({ ...batch, id: batch.batch_id });
export const toHoldRecord = (hold: PaymentHold): HoldRecord => ({ ...hold, id: hold.hold_id });
export const toPurchaseRecord = (purchase: Purchase): PurchaseRecord => ({ ...purchase, id: purchase.purchase_id });
export const toKycRecord = (status: KycStatus, userId: string): KycRecord => ({ ...status, id: userId });
export const toEconomyRecord = (overview: EconomyOverview): EconomyRecord => ({ ...overview, id: ECONOMY_OVERVIEW_ID });
export const toAnalyticsRecord = (report: AnalyticsReport, id: string): AnalyticsRecord => ({ ...report, id });
