import { STAFF_ROLES } from '@guandan/protocol';
import { Box, Stack, type Theme, Typography, useMediaQuery } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, NumberField, SearchInput, SelectInput, SimpleList, useTranslate } from 'react-admin';
import { formatCoins, formatDateTime } from '../lib/format';
import type { UserRecord } from '../records';
import { RoleChip } from './RoleChip';
import { StandingChips } from './StandingChips';

/** The filters; the search box's placeholder is shown as given, so it is translated here. */
function useUserFilters() {
  const translate = useTranslate();
  const staffRoles = STAFF_ROLES.filter((role) => role !== 'player');
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('gg.users.search')} />,
    <SelectInput key="role" source="role" emptyText="gg.users.any_role" choices={staffRoles.map((role) => ({ id: role, name: `gg.roles.${role}` }))} />,
    <SelectInput
      key="standing"
      source="standing"
      emptyText="gg.users.any_standing"
      choices={(['muted', 'suspended', 'banned'] as const).map((standing) => ({ id: standing, name: `gg.users.standing_filter.${standing}` }))}
    />,
  ];
}

/**
 * Players, newest first as the server orders them (the API does not sort), found by name, email, wallet or id.
 * A phone gets one line per player; a wider screen gets the table.
 */
export function UserList() {
  const narrow = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  const filters = useUserFilters();
  return (
    <List filters={filters} exporter={false} perPage={25} sort={{ field: 'created_at', order: 'DESC' }} disableSyncWithLocation={false}>
      {narrow ? <UserSimpleList /> : <UserDatagrid />}
    </List>
  );
}

function UserSimpleList() {
  const translate = useTranslate();
  return (
    <SimpleList<UserRecord>
      linkType="show"
      primaryText={(user) => (
        <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <span data-testid="user-row-name">{user.username}</span>
          <RoleChip role={user.role} hidePlayer />
        </Box>
      )}
      secondaryText={(user) => (
        <Stack component="span" spacing={0.5}>
          <Typography component="span" variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            {user.email ?? (user.is_guest ? translate('gg.users.guest') : translate('gg.users.no_email'))}
          </Typography>
          <StandingChips standing={user.standing} />
        </Stack>
      )}
      tertiaryText={(user) => translate('gg.users.coins', { balance: formatCoins(user.game_coin_balance) })}
      rowSx={() => ({ alignItems: 'flex-start' })}
    />
  );
}

function UserDatagrid() {
  const translate = useTranslate();
  return (
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <FunctionField<UserRecord> source="username" sortable={false} render={(user) => <span data-testid="user-row-name">{user.username}</span>} />
      <FunctionField<UserRecord>
        source="email"
        sortable={false}
        render={(user) => user.email ?? (user.is_guest ? translate('gg.users.guest') : '—')}
      />
      <FunctionField<UserRecord> source="role" sortable={false} render={(user) => <RoleChip role={user.role} />} />
      <FunctionField<UserRecord> source="standing" sortable={false} render={(user) => <StandingChips standing={user.standing} />} />
      <NumberField source="game_coin_balance" sortable={false} />
      <FunctionField<UserRecord> source="last_login" sortable={false} render={(user) => formatDateTime(user.last_login)} />
      <DateField source="created_at" sortable={false} />
    </Datagrid>
  );
}
