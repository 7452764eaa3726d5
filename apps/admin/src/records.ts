import type { AdminUser, AdminUserDetail, AuditEntry, GameRecord, LedgerEntry, Sanction } from '@guandan/protocol';

/** The API's rows with the `id` react-admin keys records by (each resource's own id, copied). */
export type UserRecord = AdminUser & { id: string };
export type SanctionRecord = Sanction & { id: string };
export type UserDetailRecord = Omit<AdminUserDetail, 'sanctions'> & { id: string; sanctions: SanctionRecord[] };
export type AuditRecord = AuditEntry & { id: number };
export type LedgerRecord = LedgerEntry & { id: string };
export type GameRow = GameRecord & { id: string };

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
