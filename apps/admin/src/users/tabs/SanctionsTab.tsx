import { Box, Button, Chip, type ChipProps, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../../lib/format';
import { mayActOn, mayLift } from '../../lib/permissions';
import { sanctionStatus } from '../../lib/sanction-form';
import type { SanctionRecord, UserDetailRecord } from '../../records';
import { useConsoleRole } from '../../use-console-role';
import { LiftDialog } from '../actions/LiftDialog';

const STATUS_COLOR: Record<ReturnType<typeof sanctionStatus>, ChipProps['color']> = { active: 'error', lifted: 'default', ended: 'default' };

/** Every sanction the player had, newest first as the server sends them; one in force can be lifted here. */
export function SanctionsTab({ user }: { user: UserDetailRecord }) {
  const translate = useTranslate();
  const { role, userId } = useConsoleRole();
  const mayAct = userId !== null && mayActOn({ userId, role }, user);
  const [lifting, setLifting] = useState<SanctionRecord | null>(null);
  const now = new Date();
  if (user.sanctions.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('gg.users.no_sanctions')}
      </Typography>
    );
  }
  return (
    <>
      <Stack spacing={1}>
        {user.sanctions.map((sanction) => {
          const status = sanctionStatus(sanction, now);
          return (
            <Paper key={sanction.id} variant="outlined" data-testid="sanction-row" data-kind={sanction.kind} data-status={status} sx={{ p: 1.5 }}>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                <Typography variant="subtitle2" sx={{ textTransform: 'capitalize' }}>
                  {translate(`gg.sanction_kind.${sanction.kind}`)}
                </Typography>
                <Chip size="small" color={STATUS_COLOR[status]} label={translate(`gg.users.sanction_${status}`)} />
                <Box sx={{ flex: 1 }} />
                {status === 'active' && mayAct && mayLift(role, sanction.kind) && (
                  <Button data-testid="sanction-lift" size="small" variant="outlined" onClick={() => setLifting(sanction)}>
                    {translate('gg.actions.lift')}
                  </Button>
                )}
              </Box>
              <Typography variant="body2" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
                {sanction.reason}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="p">
                {translate('resources.sanctions.fields.created_at')}: {formatDateTime(sanction.created_at)} · {translate('resources.sanctions.fields.ends_at')}:{' '}
                {sanction.ends_at === null ? translate('gg.users.until_lifted') : formatDateTime(sanction.ends_at)}
              </Typography>
              {sanction.lifted_at !== null && (
                <Typography variant="caption" color="text.secondary" component="p" sx={{ overflowWrap: 'anywhere' }}>
                  {translate('gg.users.sanction_lifted')}: {formatDateTime(sanction.lifted_at)}
                  {sanction.lift_reason === null ? '' : ` · ${sanction.lift_reason}`}
                </Typography>
              )}
            </Paper>
          );
        })}
      </Stack>
      <LiftDialog user={user} sanction={lifting} onClose={() => setLifting(null)} />
    </>
  );
}
