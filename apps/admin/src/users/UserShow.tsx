import { Box, Divider, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useSearchParams } from 'react-router';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import type { ConsoleAction } from '../lib/permissions';
import type { UserDetailRecord } from '../records';
import { useConsoleRole } from '../use-console-role';
import { UserActions } from './actions/UserActions';
import { CurrentTableLink } from './CurrentTableLink';
import { RoleChip } from './RoleChip';
import { StandingChips } from './StandingChips';
import { GamesTab } from './tabs/GamesTab';
import { LedgerTab } from './tabs/LedgerTab';
import { ProfileTab } from './tabs/ProfileTab';
import { PurchasesTab } from './tabs/PurchasesTab';
import { CasesTab } from './tabs/CasesTab';
import { SanctionsTab } from './tabs/SanctionsTab';
import { SessionsTab } from './tabs/SessionsTab';

const TABS = ['profile', 'sessions', 'sanctions', 'cases', 'ledger', 'purchases', 'games'] as const;
type TabName = (typeof TABS)[number];

/** Tabs only some roles may read (the server refuses the others); every other tab is for all staff. */
const TAB_NEEDS: Partial<Record<TabName, ConsoleAction>> = { purchases: 'payments.read' };

/** One player: who they are and their standing, the actions allowed, and the tabs. */
export function UserShow() {
  return (
    <Show actions={false} title={<UserTitle />}>
      <UserDetail />
    </Show>
  );
}

function UserTitle() {
  const user = useRecordContext<UserDetailRecord>();
  return <span>{user?.username ?? ''}</span>;
}

/**
 * The tabs this role may read, and the open one. The tab is kept in the address (`?tab=sanctions`), so a link or a
 * reload opens the same one; a tab the role may not read opens the profile.
 */
function useTab(): { tabs: readonly TabName[]; tab: TabName; setTab: (tab: TabName) => void } {
  const [params, setParams] = useSearchParams();
  const { can } = useConsoleRole();
  const tabs = TABS.filter((name) => {
    const needs = TAB_NEEDS[name];
    return needs === undefined || can(needs);
  });
  const asked = params.get('tab');
  const tab = tabs.find((name) => name === asked) ?? 'profile';
  return { tabs, tab, setTab: (next) => setParams(next === 'profile' ? {} : { tab: next }, { replace: true }) };
}

function UserDetail() {
  const user = useRecordContext<UserDetailRecord>();
  const translate = useTranslate();
  const { tabs, tab, setTab } = useTab();
  const { can } = useConsoleRole();
  if (user === undefined) return null;
  return (
    <Box data-testid="user-show" sx={{ minWidth: 0 }}>
      <Stack spacing={1.5} sx={{ p: { xs: 1.5, sm: 2 } }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography data-testid="user-name" variant="h6" component="h1" sx={{ overflowWrap: 'anywhere' }}>
            {user.username}
          </Typography>
          <RoleChip role={user.role} />
        </Box>
        <StandingChips standing={user.standing} sayWhenGood />
        <UserActions user={user} />
        {can('tables.watch') && <CurrentTableLink user={user} />}
      </Stack>
      <Divider />
      <Tabs value={tab} onChange={(_event, next: TabName) => setTab(next)} variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile>
        {tabs.map((name) => (
          <Tab key={name} value={name} data-testid={`tab-${name}`} label={translate(`gg.users.tabs.${name}`)} />
        ))}
      </Tabs>
      <Divider />
      <Box sx={{ p: { xs: 1.5, sm: 2 }, minWidth: 0 }}>
        {tab === 'profile' && <ProfileTab user={user} />}
        {tab === 'sessions' && <SessionsTab user={user} />}
        {tab === 'sanctions' && <SanctionsTab user={user} />}
        {tab === 'cases' && <CasesTab />}
        {tab === 'ledger' && <LedgerTab />}
        {tab === 'purchases' && <PurchasesTab />}
        {tab === 'games' && <GamesTab user={user} />}
      </Box>
    </Box>
  );
}
