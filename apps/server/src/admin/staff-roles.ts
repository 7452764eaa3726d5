import { ProtocolError, roleAtLeast, type StaffRole } from '@guandan/protocol';
import type { Db } from '../platform/db/database.js';
import { transactionOf, type UnitOfWork } from '../platform/db/unit-of-work.js';
import { StaffStore } from './staff-store.js';

/** Who holds which staff role; every admin route asks it (`http/api.ts`, a route's `role`). */
export class StaffRoles {
  private readonly store: StaffStore;

  constructor(db: Db) {
    this.store = new StaffStore(db);
  }

  roleOf(userId: string): Promise<StaffRole> {
    return this.store.roleOf(userId);
  }

  rolesOf(userIds: readonly string[]): Promise<Map<string, StaffRole>> {
    return this.store.rolesOf(userIds);
  }

  /** FORBIDDEN unless the user holds at least `needed`. */
  async require(userId: string, needed: StaffRole, doing: string): Promise<StaffRole> {
    const role = await this.roleOf(userId);
    if (!roleAtLeast(role, needed)) throw new ProtocolError('FORBIDDEN', `${doing} needs the ${needed} role`);
    return role;
  }

  /** Gives the user the role (player: none); the role they had before. */
  async set(work: UnitOfWork, userId: string, role: StaffRole, grantedBy: string | null): Promise<StaffRole> {
    const before = await this.store.roleOf(userId, transactionOf(work));
    await this.store.set(userId, role, grantedBy, transactionOf(work));
    return before;
  }

  usersWithRole(role: StaffRole): Promise<string[]> {
    return this.store.usersWithRole(role);
  }
}
