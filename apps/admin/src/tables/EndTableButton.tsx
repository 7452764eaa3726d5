import StopCircleIcon from '@mui/icons-material/StopCircle';
import { Alert, Box, Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { sayingConflictAs } from '../api/api-error';
import { ActionDialog } from '../common/ActionDialog';
import type { ConsoleDataProvider } from '../data-provider';
import type { WatchedTableRecord } from '../records';
import { useConsoleRole } from '../use-console-role';

/**
 * Ends a table before its match is over, with a reason (audited, and told to every seated player): for a table that
 * is stuck. Shown to the roles that may, while the table plays; a stuck table puts it in a warning, where it is seen.
 */
export function EndTableButton({ table }: { table: WatchedTableRecord }) {
  const translate = useTranslate();
  const { can } = useConsoleRole();
  const [open, setOpen] = useState(false);
  if (!can('tables.end') || table.status !== 'playing') return null;
  const button = (
    <Button
      data-testid="action-end-table"
      size="small"
      variant={table.stuck ? 'contained' : 'outlined'}
      color="error"
      startIcon={<StopCircleIcon />}
      onClick={() => setOpen(true)}
    >
      {translate('gg.tables.end')}
    </Button>
  );
  return (
    <>
      {table.stuck ? (
        <Alert data-testid="table-stuck-alert" severity="warning">
          <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
            <span>{translate('gg.tables.stuck_help')}</span>
            {button}
          </Stack>
        </Alert>
      ) : (
        <Box>{button}</Box>
      )}
      <EndTableDialog gameId={table.id} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function EndTableDialog({ gameId, open, onClose }: { gameId: string; open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      testId="end-table"
      title={translate('gg.tables.end_title')}
      help={translate('gg.tables.end_help')}
      confirmLabel={translate('gg.tables.end')}
      danger
      onSubmit={async (reason) => {
        const ended = await sayingConflictAs(dataProvider.endTable(gameId, reason), 'gg.tables.already_over');
        return { message: 'gg.tables.end_done', messageArgs: { smart_count: ended.deals_completed } };
      }}
    />
  );
}
