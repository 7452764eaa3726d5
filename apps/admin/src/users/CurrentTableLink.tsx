import VisibilityIcon from '@mui/icons-material/Visibility';
import { Button, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useGetList, useTranslate } from 'react-admin';
import type { TableRecord, UserDetailRecord } from '../records';

/** For operators: the table the player sits at now, to watch it; or that they sit at none. */
export function CurrentTableLink({ user }: { user: UserDetailRecord }) {
  const translate = useTranslate();
  const { data, isPending, error } = useGetList<TableRecord>('tables', { filter: { user_id: user.user_id }, pagination: { page: 1, perPage: 1 } });
  if (isPending || error) return null;
  const table = data?.[0];
  if (table === undefined) {
    return (
      <Typography data-testid="user-no-table" variant="body2" color="text.secondary">
        {translate('gg.users.no_table')}
      </Typography>
    );
  }
  return (
    <Button data-testid="user-table-link" size="small" variant="outlined" startIcon={<VisibilityIcon />} component={Link} to={`/tables/${encodeURIComponent(table.id)}/show`} sx={{ alignSelf: 'flex-start' }}>
      {translate('gg.users.watch_table', { mode: translate(`gg.tables.mode.${table.game_mode}`, { _: table.game_mode }) })}
    </Button>
  );
}
