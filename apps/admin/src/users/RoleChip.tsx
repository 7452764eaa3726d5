import type { StaffRole } from '@guandan/protocol';
import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';

const ROLE_COLOR: Record<StaffRole, ChipProps['color']> = { player: 'default', moderator: 'info', operator: 'warning', admin: 'error' };

/** A staff role as a chip; a player's shows only where the role is the point (the profile). */
export function RoleChip({ role, hidePlayer = false }: { role: StaffRole; hidePlayer?: boolean }) {
  const translate = useTranslate();
  if (hidePlayer && role === 'player') return null;
  return <Chip data-testid="role-chip" data-role={role} size="small" color={ROLE_COLOR[role]} variant={role === 'player' ? 'outlined' : 'filled'} label={translate(`gg.roles.${role}`)} />;
}
