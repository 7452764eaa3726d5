import { Box, Chip, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useGetOne, useTranslate } from 'react-admin';
import { formatDateTime } from '../lib/format';
import type { HoldRecord, UserDetailRecord } from '../records';

/** Open (the account cannot buy) or lifted. */
export function HoldStatusChip({ hold }: { hold: HoldRecord }) {
  const translate = useTranslate();
  const status = hold.lifted_at === null ? 'open' : 'lifted';
  return <Chip data-testid="hold-status" data-status={status} size="small" color={status === 'open' ? 'warning' : 'default'} label={translate(`gg.holds.status.${status}`)} />;
}

/** The account the hold is on, linked to the player's page. */
export function HoldAccountLink({ hold }: { hold: HoldRecord }) {
  const translate = useTranslate();
  return (
    <MuiLink data-testid="hold-account" component={Link} to={`/users/${encodeURIComponent(hold.user_id)}/show`} sx={{ overflowWrap: 'anywhere' }}>
      {hold.username ?? translate('gg.holds.unknown_account')}
    </MuiLink>
  );
}

/** When a lifted hold was lifted, by whom (a link to their page) and why; nothing while it is open. */
export function HoldLifting({ hold }: { hold: HoldRecord }) {
  const translate = useTranslate();
  if (hold.lifted_at === null) return null;
  return (
    <Box component="span" data-testid="hold-lifted" sx={{ display: 'block', overflowWrap: 'anywhere' }}>
      <Typography component="span" variant="caption" color="text.secondary">
        {translate('gg.holds.lifted_line', { at: formatDateTime(hold.lifted_at) })}
        {hold.lifted_by !== null && (
          <>
            {` ${translate('gg.holds.lifted_by')} `}
            <LifterLink userId={hold.lifted_by} />
          </>
        )}
      </Typography>
      {hold.lift_reason !== null && (
        <Typography component="span" variant="body2" data-testid="hold-lift-reason" sx={{ display: 'block' }}>
          {hold.lift_reason}
        </Typography>
      )}
    </Box>
  );
}

/** Who lifted the hold: the hold names them by id only, so their name is read from their account. */
function LifterLink({ userId }: { userId: string }) {
  const { data } = useGetOne<UserDetailRecord>('users', { id: userId });
  return (
    <MuiLink data-testid="hold-lifted-by" data-user-id={userId} component={Link} to={`/users/${encodeURIComponent(userId)}/show`} title={userId}>
      {data?.username ?? userId}
    </MuiLink>
  );
}
