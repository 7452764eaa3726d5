import type { StaffRole } from '@guandan/protocol';
import { useGetIdentity, usePermissions } from 'react-admin';
import { type ConsoleAction, isStaffRole, may } from './lib/permissions';

/** The signed-in person's role (null while it loads), and whether it allows an action. */
export function useConsoleRole(): { role: StaffRole | null; userId: string | null; can: (action: ConsoleAction) => boolean } {
  const { permissions } = usePermissions<unknown>();
  const { identity } = useGetIdentity();
  const role = isStaffRole(permissions) ? permissions : null;
  return { role, userId: identity === undefined ? null : String(identity.id), can: (action) => may(role, action) };
}
