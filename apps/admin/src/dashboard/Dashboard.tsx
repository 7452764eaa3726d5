import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Box, Button, Card, CardContent, List, ListItem, ListItemIcon, ListItemText, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import type { ConsoleAction } from '../lib/permissions';
import { useConsoleRole } from '../use-console-role';

/** What each role may do, in the words of the dashboard, in the order the roles gain them. */
const CAPABILITIES: ReadonlyArray<{ action: ConsoleAction; text: string }> = [
  { action: 'users.read', text: 'gg.dashboard.capabilities.read_users' },
  { action: 'sanction.suspend', text: 'gg.dashboard.capabilities.mute_suspend' },
  { action: 'cases.work', text: 'gg.dashboard.capabilities.cases' },
  { action: 'sanction.ban', text: 'gg.dashboard.capabilities.ban' },
  { action: 'sessions.sign-out', text: 'gg.dashboard.capabilities.sign_out' },
  { action: 'coins.correct', text: 'gg.dashboard.capabilities.coins' },
  { action: 'audit.read', text: 'gg.dashboard.capabilities.audit' },
  { action: 'tables.watch', text: 'gg.dashboard.capabilities.tables' },
  { action: 'tables.end', text: 'gg.dashboard.capabilities.end_tables' },
  { action: 'economy.read', text: 'gg.dashboard.capabilities.economy' },
  { action: 'analytics.read', text: 'gg.dashboard.capabilities.analytics' },
  { action: 'payments.read', text: 'gg.dashboard.capabilities.payments' },
  { action: 'holds.lift', text: 'gg.dashboard.capabilities.holds' },
  { action: 'roles.set', text: 'gg.dashboard.capabilities.roles' },
  { action: 'audit.export', text: 'gg.dashboard.capabilities.export' },
];

/** The ways in from the dashboard, each shown to the roles that may use it. */
const SHORTCUTS: ReadonlyArray<{ action: ConsoleAction; to: string; text: string; testId: string }> = [
  { action: 'cases.work', to: '/cases', text: 'gg.dashboard.open_cases', testId: 'dashboard-cases' },
  { action: 'tables.watch', to: '/tables', text: 'gg.dashboard.open_tables', testId: 'dashboard-tables' },
  { action: 'economy.read', to: '/economy', text: 'gg.dashboard.open_economy', testId: 'dashboard-economy' },
  { action: 'analytics.read', to: '/analytics', text: 'gg.dashboard.open_analytics', testId: 'dashboard-analytics' },
  { action: 'payments.read', to: '/holds', text: 'gg.dashboard.open_holds', testId: 'dashboard-holds' },
  { action: 'audit.read', to: '/audit', text: 'gg.dashboard.open_audit', testId: 'dashboard-audit' },
];

/** Who you are, what your role allows, and the way in. */
export function Dashboard() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { role, can } = useConsoleRole();
  return (
    <Card sx={{ mt: { xs: 1, sm: 2 } }}>
      <Title title="gg.title" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('gg.dashboard.heading', { name: identity?.fullName ?? '' })}
        </Typography>
        <Typography data-testid="dashboard-role" color="text.secondary">
          {translate('gg.dashboard.role_line', { role: role === null ? '' : translate(`gg.roles.${role}`) })}
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} useFlexGap sx={{ my: 2, flexWrap: 'wrap' }}>
          <Button data-testid="dashboard-users" variant="contained" component={Link} to="/users">
            {translate('gg.dashboard.open_users')}
          </Button>
          {SHORTCUTS.filter(({ action }) => can(action)).map(({ to, text, testId }) => (
            <Button key={to} data-testid={testId} variant="outlined" component={Link} to={to}>
              {translate(text)}
            </Button>
          ))}
        </Stack>
        <Typography variant="subtitle2">{translate('gg.dashboard.can_do')}</Typography>
        <Box component="nav">
          <List dense>
            {CAPABILITIES.map(({ action, text }) => (
              <ListItem key={action} data-testid={`capability-${action}`} data-allowed={can(action)}>
                <ListItemIcon sx={{ minWidth: 32 }}>{can(action) ? <CheckIcon color="success" fontSize="small" /> : <CloseIcon color="disabled" fontSize="small" />}</ListItemIcon>
                <ListItemText primary={translate(text)} sx={{ color: can(action) ? 'text.primary' : 'text.disabled' }} />
              </ListItem>
            ))}
          </List>
        </Box>
      </CardContent>
    </Card>
  );
}
