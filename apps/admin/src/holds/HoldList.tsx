import { Box, Stack, type Theme, Typography, useMediaQuery } from '@mui/material';
import { Datagrid, FunctionField, List, Pagination, SelectInput, SimpleList, TextInput, useTranslate } from 'react-admin';
import { formatCoins, formatDateTime } from '../lib/format';
import type { HoldRecord } from '../records';
import { HoldAccountLink, HoldLifting, HoldStatusChip } from './HoldChips';
import { LiftHoldButton } from './LiftHoldButton';

const HOLD_STATUSES = ['open', 'lifted'] as const;

const holdFilters = [
  <SelectInput key="status" source="status" alwaysOn emptyText="gg.holds.any_status" choices={HOLD_STATUSES.map((status) => ({ id: status, name: `gg.holds.status.${status}` }))} />,
  // Wide enough for a whole account id (36 characters) beside the status on a wider screen.
  <TextInput key="user_id" source="user_id" label="gg.holds.filter_user" alwaysOn resettable sx={{ minWidth: { sm: 360 } }} />,
];

/**
 * Holds on accounts whose refunded or disputed coins were already spent: open ones by default (each keeps its
 * account out of the shop until it is lifted), newest first as the server orders them. A phone gets one block per hold.
 */
export function HoldList() {
  const narrow = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    // No actions: both filters are always shown, and the console makes no hold (refunds and disputes do).
    <List filters={holdFilters} filterDefaultValues={{ status: 'open' }} actions={false} exporter={false} perPage={25} pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}>
      {narrow ? <HoldSimpleList /> : <HoldDatagrid />}
    </List>
  );
}

/** The coins owed: in words on a phone, a bare count under the table's "Coins owed". */
function Owed({ hold, inWords }: { hold: HoldRecord; inWords: boolean }) {
  const translate = useTranslate();
  const coins = formatCoins(hold.owed_coins);
  return (
    <Box component="span" data-testid="hold-owed" sx={{ fontWeight: 500 }}>
      {inWords ? translate('gg.holds.owed', { coins }) : coins}
    </Box>
  );
}

function HoldSimpleList() {
  return (
    <SimpleList<HoldRecord>
      linkType={false}
      primaryText={(hold) => (
        <Box component="span" data-testid="hold-row" data-hold-id={hold.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <HoldAccountLink hold={hold} />
          <HoldStatusChip hold={hold} />
        </Box>
      )}
      secondaryText={(hold) => (
        // The date goes here rather than in a column of its own, which would leave the reason a narrow strip.
        <Stack component="span" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
          <Owed hold={hold} inWords />
          <Typography component="span" variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            {hold.reason}
          </Typography>
          <Typography component="span" variant="caption" color="text.secondary">
            {formatDateTime(hold.created_at)}
          </Typography>
          <HoldLifting hold={hold} />
          <LiftHoldButton hold={hold} />
        </Stack>
      )}
      rowSx={() => ({ alignItems: 'flex-start' })}
    />
  );
}

function HoldDatagrid() {
  return (
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <FunctionField<HoldRecord> source="created_at" sortable={false} render={(hold) => <Box component="span" data-testid="hold-row" data-hold-id={hold.id} sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(hold.created_at)}</Box>} />
      {/* Names are at most 20 characters: kept on one line, the reason and the lifting wrap instead. */}
      <FunctionField<HoldRecord> source="username" sortable={false} render={(hold) => <Box component="span" sx={{ whiteSpace: 'nowrap' }}><HoldAccountLink hold={hold} /></Box>} />
      <FunctionField<HoldRecord> source="owed_coins" sortable={false} render={(hold) => <Owed hold={hold} inWords={false} />} />
      <FunctionField<HoldRecord> source="reason" sortable={false} render={(hold) => <Box component="span" sx={{ overflowWrap: 'anywhere' }}>{hold.reason}</Box>} />
      <FunctionField<HoldRecord>
        source="status"
        sortable={false}
        render={(hold) => (
          <Stack spacing={0.5} sx={{ alignItems: 'flex-start', maxWidth: 280 }}>
            <HoldStatusChip hold={hold} />
            <HoldLifting hold={hold} />
          </Stack>
        )}
      />
      <FunctionField<HoldRecord> label="" sortable={false} render={(hold) => <LiftHoldButton hold={hold} />} />
    </Datagrid>
  );
}
