import type { StaffRole } from '@guandan/protocol';
import type { Db, Executor } from '../platform/db/database.js';

/** The `staff_roles` rows: a role above player per user; a player has none. */
export class StaffStore {
  constructor(private readonly db: Db) {}

  async roleOf(userId: string, executor: Executor = this.db): Promise<StaffRole> {
    const row = await executor.selectFrom('staff_roles').select('role').where('user_id', '=', userId).executeTakeFirst();
    return (row?.role as StaffRole | undefined) ?? 'player';
  }

  async rolesOf(userIds: readonly string[]): Promise<Map<string, StaffRole>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('staff_roles').select(['user_id', 'role']).where('user_id', 'in', [...userIds]).execute();
    return new Map(rows.map((row) => [row.user_id, row.role as StaffRole]));
  }

  async set(userId: string, role: StaffRole, grantedBy: string | null, executor: Executor): Promise<void> {
    if (role === 'player') {
      await executor.deleteFrom('staff_roles').where('user_id', '=', userId).execute();
      return;
    }
    const row = { user_id: userId, role, granted_by: grantedBy, granted_at: new Date().toISOString() };
    await executor
      .insertInto('staff_roles')
      .values(row)
      .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ role, granted_by: grantedBy, granted_at: row.granted_at }))
      .execute();
  }

  async usersWithRole(role: StaffRole): Promise<string[]> {
    return (await this.db.selectFrom('staff_roles').select('user_id').where('role', '=', role).execute()).map((row) => row.user_id);
  }
}
