import type { StaffRole } from '@guandan/protocol';
import { TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../../data-provider';
import { ASSIGNABLE_ROLES } from '../../lib/permissions';
import type { UserDetailRecord } from '../../records';
import { ActionDialog } from '../../common/ActionDialog';

/** Grants or removes a staff role (admins only): `player` takes every staff power away. */
export function RoleDialog({ user, open, onClose }: { user: UserDetailRecord; open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [role, setRole] = useState<StaffRole>(user.role);
  const problem = role === user.role ? 'gg.validation.role_unchanged' : null;
  return (
    <ActionDialog
      open={open}
      onClose={() => {
        setRole(user.role);
        onClose();
      }}
      testId="role"
      title={translate('gg.actions.role_title', { name: user.username })}
      help={translate('gg.actions.role_help')}
      confirmLabel={translate('gg.actions.set_role')}
      fieldsProblem={problem}
      onSubmit={async (reason) => {
        const updated = await dataProvider.setRole(user.id, role, reason);
        return { message: 'gg.actions.done.role', messageArgs: { role: translate(`gg.roles.${updated.role}`) } };
      }}
    >
      <TextField
        select
        label={translate('gg.actions.role')}
        value={role}
        onChange={(event) => setRole(event.target.value as StaffRole)}
        error={problem !== null}
        helperText={problem === null ? ' ' : translate(problem)}
        fullWidth
        slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'role-select' } }}
      >
        {ASSIGNABLE_ROLES.map((option) => (
          <option key={option} value={option}>
            {translate(`gg.roles.${option}`)}
          </option>
        ))}
      </TextField>
    </ActionDialog>
  );
}
