import { roleAtLeast, STAFF_ROLES, type SanctionKind, type StaffRole } from '@guandan/protocol';

/**
 * The least role each console action needs. The server checks the same on every request; the console uses it to
 * show only what a person may use.
 */
export const MINIMUM_ROLE = {
  'users.read': 'moderator',
  'sanction.mute': 'moderator',
  'sanction.suspend': 'moderator',
  'cases.work': 'moderator',
  'sanction.ban': 'operator',
  'sessions.sign-out': 'operator',
  'coins.correct': 'operator',
  'audit.read': 'operator',
  'tables.watch': 'operator',
  'tables.end': 'operator',
  'economy.read': 'operator',
  'analytics.read': 'operator',
  'rewards.retry': 'operator',
  'payments.read': 'operator',
  'holds.lift': 'operator',
  'roles.set': 'admin',
  'audit.export': 'admin',
} as const satisfies Record<string, StaffRole>;

export type ConsoleAction = keyof typeof MINIMUM_ROLE;

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** Whether `role` (unknown while permissions load) may take `action`. */
export function may(role: unknown, action: ConsoleAction): boolean {
  return isStaffRole(role) && roleAtLeast(role, MINIMUM_ROLE[action]);
}

/** Lifting a sanction needs the role that may impose it: a moderator lifts mutes and suspensions, not bans. */
export function mayLift(role: unknown, kind: SanctionKind): boolean {
  return may(role, `sanction.${kind}`);
}

/** Whether the role may use the console at all. */
export function isOperatorRole(role: unknown): boolean {
  return may(role, 'users.read');
}

/** The console's resources and what reading each needs, for react-admin's `canAccess` (menus, pages, buttons). */
const RESOURCE_READ: Record<string, ConsoleAction> = {
  users: 'users.read',
  ledger: 'users.read',
  games: 'users.read',
  cases: 'cases.work',
  audit: 'audit.read',
  tables: 'tables.watch',
  economy: 'economy.read',
  batches: 'economy.read',
  analytics: 'analytics.read',
  holds: 'payments.read',
  purchases: 'payments.read',
  kyc: 'payments.read',
};

/** Reading (list, show) follows the table above; the console never creates, edits or deletes a record. */
export function mayAccess(role: unknown, resource: string, action: string): boolean {
  const read = RESOURCE_READ[resource];
  if (read === undefined) return false;
  if (action === 'list' || action === 'show') return may(role, read);
  if (resource === 'audit' && action === 'export') return may(role, 'audit.export');
  return false;
}

/** Roles an admin may give, lowest first (the same order as `STAFF_ROLES`). */
export const ASSIGNABLE_ROLES: readonly StaffRole[] = STAFF_ROLES;

/**
 * Whether staff may act on this account at all (the server's rule): never on their own, and only on an account
 * whose role ranks below theirs, except that an admin may act on anyone else.
 */
export function mayActOn(actor: { userId: string; role: unknown }, target: { user_id: string; role: StaffRole }): boolean {
  if (!isStaffRole(actor.role) || actor.userId === target.user_id) return false;
  return actor.role === 'admin' || STAFF_ROLES.indexOf(actor.role) > STAFF_ROLES.indexOf(target.role);
}
