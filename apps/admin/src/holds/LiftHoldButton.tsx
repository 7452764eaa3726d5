import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { sayingConflictAs } from '../api/api-error';
import { ActionDialog } from '../common/ActionDialog';
import type { ConsoleDataProvider } from '../data-provider';
import type { HoldRecord } from '../records';
import { useConsoleRole } from '../use-console-role';

/** Lifts an open hold with a reason (audited): for the roles that may, while the hold is open. */
export function LiftHoldButton({ hold }: { hold: HoldRecord }) {
  const translate = useTranslate();
  const { can } = useConsoleRole();
  const [open, setOpen] = useState(false);
  if (!can('holds.lift') || hold.lifted_at !== null) return null;
  return (
    <>
      <Button data-testid="action-lift-hold" data-hold-id={hold.id} size="small" variant="outlined" startIcon={<LockOpenIcon />} onClick={() => setOpen(true)}>
        {translate('gg.holds.lift')}
      </Button>
      <LiftHoldDialog hold={hold} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function LiftHoldDialog({ hold, open, onClose }: { hold: HoldRecord; open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      testId="lift-hold"
      title={translate('gg.holds.lift_title', { name: hold.username ?? hold.user_id })}
      help={translate('gg.holds.lift_help')}
      confirmLabel={translate('gg.holds.lift')}
      onSubmit={async (reason) => {
        await sayingConflictAs(dataProvider.liftHold(hold.id, reason), 'gg.holds.already_lifted');
        return { message: 'gg.holds.lifted' };
      }}
    />
  );
}
