import type { SanctionKind } from '@guandan/protocol';
import BlockIcon from '@mui/icons-material/Block';
import LogoutIcon from '@mui/icons-material/Logout';
import MoneyIcon from '@mui/icons-material/Paid';
import PauseIcon from '@mui/icons-material/PauseCircle';
import ShieldIcon from '@mui/icons-material/Shield';
import VolumeOffIcon from '@mui/icons-material/VolumeOff';
import { Button, Stack, Typography } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { useTranslate } from 'react-admin';
import { type ConsoleAction, mayActOn } from '../../lib/permissions';
import type { UserDetailRecord } from '../../records';
import { useConsoleRole } from '../../use-console-role';
import { CoinCorrectionDialog } from './CoinCorrectionDialog';
import { RoleDialog } from './RoleDialog';
import { SanctionDialog } from './SanctionDialog';
import { SignOutDialog } from './SignOutDialog';

type OpenDialog = SanctionKind | 'sign-out' | 'coins' | 'role' | null;

interface ActionButton {
  dialog: Exclude<OpenDialog, null>;
  needs: ConsoleAction;
  label: string;
  icon: ReactNode;
  danger?: boolean;
}

const BUTTONS: readonly ActionButton[] = [
  { dialog: 'mute', needs: 'sanction.mute', label: 'gg.actions.mute', icon: <VolumeOffIcon /> },
  { dialog: 'suspend', needs: 'sanction.suspend', label: 'gg.actions.suspend', icon: <PauseIcon />, danger: true },
  { dialog: 'ban', needs: 'sanction.ban', label: 'gg.actions.ban', icon: <BlockIcon />, danger: true },
  { dialog: 'sign-out', needs: 'sessions.sign-out', label: 'gg.actions.sign_out', icon: <LogoutIcon /> },
  { dialog: 'coins', needs: 'coins.correct', label: 'gg.actions.correct_coins', icon: <MoneyIcon /> },
  { dialog: 'role', needs: 'roles.set', label: 'gg.actions.set_role', icon: <ShieldIcon /> },
];

/** The actions this operator's role allows on a player, as buttons that wrap on a narrow screen. */
export function UserActions({ user }: { user: UserDetailRecord }) {
  const translate = useTranslate();
  const { can, role, userId } = useConsoleRole();
  const [open, setOpen] = useState<OpenDialog>(null);
  const close = () => setOpen(null);
  const allowed = BUTTONS.filter((button) => can(button.needs));
  if (allowed.length === 0 || userId === null) return null;
  if (!mayActOn({ userId, role }, user)) {
    return (
      <Typography data-testid="user-actions-none" variant="body2" color="text.secondary">
        {translate(userId === user.user_id ? 'gg.users.own_account' : 'gg.users.outranked')}
      </Typography>
    );
  }
  return (
    <>
      <Stack data-testid="user-actions" direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {allowed.map((button) => (
          <Button
            key={button.dialog}
            data-testid={`action-${button.dialog}`}
            size="small"
            variant="outlined"
            color={button.danger ? 'error' : 'primary'}
            startIcon={button.icon}
            disabled={button.dialog === 'ban' && user.standing.banned}
            onClick={() => setOpen(button.dialog)}
          >
            {translate(button.label)}
          </Button>
        ))}
      </Stack>
      {(['mute', 'suspend', 'ban'] as const).map((kind) => (
        <SanctionDialog key={kind} user={user} kind={kind} open={open === kind} onClose={close} />
      ))}
      <SignOutDialog user={user} open={open === 'sign-out'} onClose={close} />
      <CoinCorrectionDialog user={user} open={open === 'coins'} onClose={close} />
      {/* Keyed by the role, so the dialog starts from the role the player has now. */}
      <RoleDialog key={user.role} user={user} open={open === 'role'} onClose={close} />
    </>
  );
}
