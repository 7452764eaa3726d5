import { Box, type Theme, Typography, useMediaQuery } from '@mui/material';
import { Datagrid, FunctionField, Pagination, ReferenceManyField, SimpleList, TextField, useTranslate } from 'react-admin';
import { formatCoins, formatDateTime } from '../../lib/format';
import type { LedgerRecord } from '../../records';

/** Every movement of the player's game coins, newest first, with the balance after each. */
export function LedgerTab() {
  const translate = useTranslate();
  const narrow = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  const empty = (
    <Typography variant="body2" color="text.secondary">
      {translate('gg.users.no_ledger')}
    </Typography>
  );
  return (
    <ReferenceManyField reference="ledger" target="user_id" perPage={25} pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />} empty={empty}>
      {narrow ? (
        <SimpleList<LedgerRecord>
          linkType={false}
          primaryText={(entry) => <Amount amount={entry.amount} />}
          secondaryText={(entry) => (
            <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
              {entry.reason} · {formatDateTime(entry.created_at)}
            </Box>
          )}
          tertiaryText={(entry) => formatCoins(entry.balance_after)}
        />
      ) : (
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <FunctionField<LedgerRecord> source="created_at" sortable={false} render={(entry) => formatDateTime(entry.created_at)} />
          <FunctionField<LedgerRecord> source="amount" sortable={false} render={(entry) => <Amount amount={entry.amount} />} />
          <TextField source="reason" sortable={false} />
          <FunctionField<LedgerRecord> source="balance_after" sortable={false} render={(entry) => formatCoins(entry.balance_after)} />
        </Datagrid>
      )}
    </ReferenceManyField>
  );
}

function Amount({ amount }: { amount: number }) {
  return (
    <Box component="span" data-testid="ledger-amount" sx={{ color: amount < 0 ? 'error.main' : 'success.main', fontWeight: 500 }}>
      {formatCoins(amount, { signed: true })}
    </Box>
  );
}
