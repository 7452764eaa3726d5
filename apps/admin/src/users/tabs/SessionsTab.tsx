import { List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../../lib/format';
import type { UserDetailRecord } from '../../records';
import { Facts } from '../../common/Facts';

/**
 * Sessions and where the player signs in from: the latest sign-ins with address and browser, and every address
 * seen. Lists rather than tables, so that a long user agent wraps on a phone instead of widening the page.
 */
export function SessionsTab({ user }: { user: UserDetailRecord }) {
  const translate = useTranslate();
  return (
    <Stack spacing={2}>
      <Facts rows={[{ label: translate('gg.users.active_sessions'), value: user.active_sessions, testId: 'active-sessions' }]} />
      <section>
        <Typography variant="subtitle2">{translate('gg.users.sign_ins')}</Typography>
        {user.sign_ins.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('gg.users.no_sign_ins')}
          </Typography>
        ) : (
          <List dense disablePadding>
            {user.sign_ins.map((signIn, index) => (
              <ListItem key={`${signIn.at}-${index}`} data-testid="sign-in-row" divider disableGutters>
                <ListItemText
                  primary={`${formatDateTime(signIn.at)} · ${signIn.method}${signIn.address === null ? '' : ` · ${signIn.address}`}`}
                  secondary={`${signIn.user_agent ?? '—'}${signIn.device_id === null ? '' : ` · ${translate('gg.users.device')} ${signIn.device_id}`}`}
                  slotProps={{ secondary: { sx: { overflowWrap: 'anywhere' } } }}
                />
              </ListItem>
            ))}
          </List>
        )}
      </section>
      <section>
        <Typography variant="subtitle2">{translate('gg.users.addresses')}</Typography>
        {user.addresses.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('gg.users.no_addresses')}
          </Typography>
        ) : (
          <List dense disablePadding>
            {user.addresses.map((seen) => (
              <ListItem key={seen.address} data-testid="address-row" divider disableGutters>
                <ListItemText
                  primary={seen.address}
                  secondary={`${translate('resources.addresses.fields.sign_ins')}: ${seen.sign_ins} · ${translate('resources.addresses.fields.last_seen')}: ${formatDateTime(seen.last_seen)}`}
                  slotProps={{ primary: { sx: { fontFamily: 'monospace', overflowWrap: 'anywhere' } } }}
                />
              </ListItem>
            ))}
          </List>
        )}
      </section>
    </Stack>
  );
}
