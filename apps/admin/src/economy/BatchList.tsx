import type { RewardBatch } from '@guandan/protocol';
import { Box, Chip, type ChipProps, Stack, type Theme, Typography, useMediaQuery } from '@mui/material';
import { Datagrid, FunctionField, List, NumberField, Pagination, SelectInput, SimpleList, useTranslate } from 'react-admin';
import { formatDateTime } from '../lib/format';
import { formatMilliPlay } from '../lib/milli-play';
import type { BatchRecord } from '../records';
import { useConsoleRole } from '../use-console-role';
import { RetryBatchButton } from './RetryBatchButton';
import { shortHash } from './short-hash';

const BATCH_STATUSES: readonly RewardBatch['status'][] = ['open', 'confirmed', 'failed'];
const STATUS_COLOR: Record<RewardBatch['status'], ChipProps['color']> = { open: 'warning', confirmed: 'success', failed: 'error' };

const batchFilters = [
  <SelectInput key="status" source="status" alwaysOn emptyText="gg.economy.any_batch_status" choices={BATCH_STATUSES.map((status) => ({ id: status, name: `gg.economy.batch_status.${status}` }))} />,
];

/**
 * The minter's reward batches, newest first, by status; a failed one can be sent again. Part of the economy page,
 * so its filters stay out of the page's address.
 */
export function BatchList() {
  const narrow = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    <List
      resource="batches"
      title={false}
      actions={false}
      component="div"
      disableSyncWithLocation
      storeKey="economy.batches"
      filters={batchFilters}
      exporter={false}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
      empty={false}
    >
      {narrow ? <BatchSimpleList /> : <BatchDatagrid />}
    </List>
  );
}

function StatusChip({ status }: { status: RewardBatch['status'] }) {
  const translate = useTranslate();
  return <Chip data-testid="batch-status" size="small" color={STATUS_COLOR[status]} label={translate(`gg.economy.batch_status.${status}`)} />;
}

/** Retrying is for failed batches, and for operators. */
function RetryIfFailed({ batch }: { batch: BatchRecord }) {
  const { can } = useConsoleRole();
  return batch.status === 'failed' && can('rewards.retry') ? <RetryBatchButton batch={batch} /> : null;
}

function BatchSimpleList() {
  const translate = useTranslate();
  return (
    <SimpleList<BatchRecord>
      linkType={false}
      primaryText={(batch) => (
        <Box component="span" data-testid="batch-row" sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Box component="span" sx={{ fontFamily: 'monospace' }}>
            {shortHash(batch.id)}
          </Box>
          <StatusChip status={batch.status} />
        </Box>
      )}
      secondaryText={(batch) => (
        <Stack component="span" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
          <span>{translate('gg.economy.batch_line', { rewards: batch.rewards, amount: formatMilliPlay(batch.amount_milli), attempts: batch.attempts })}</span>
          {batch.last_error !== null && (
            <Typography component="span" variant="caption" color="error" sx={{ overflowWrap: 'anywhere' }}>
              {batch.last_error}
            </Typography>
          )}
          <RetryIfFailed batch={batch} />
        </Stack>
      )}
      tertiaryText={(batch) => formatDateTime(batch.created_at)}
      rowSx={() => ({ alignItems: 'flex-start' })}
    />
  );
}

function BatchDatagrid() {
  return (
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <FunctionField<BatchRecord> source="created_at" sortable={false} render={(batch) => formatDateTime(batch.created_at)} />
      <FunctionField<BatchRecord> source="batch_id" sortable={false} render={(batch) => <Box component="span" data-testid="batch-row" title={batch.id} sx={{ fontFamily: 'monospace' }}>{shortHash(batch.id)}</Box>} />
      <FunctionField<BatchRecord> source="status" sortable={false} render={(batch) => <StatusChip status={batch.status} />} />
      <NumberField source="rewards" sortable={false} />
      <FunctionField<BatchRecord> source="amount_milli" sortable={false} render={(batch) => formatMilliPlay(batch.amount_milli)} />
      <NumberField source="attempts" sortable={false} />
      <FunctionField<BatchRecord> source="last_error" sortable={false} render={(batch) => <Box component="span" sx={{ overflowWrap: 'anywhere' }}>{batch.last_error ?? '—'}</Box>} />
      <FunctionField<BatchRecord> source="tx_hash" sortable={false} render={(batch) => (batch.tx_hash === null ? '—' : <span title={batch.tx_hash}>{shortHash(batch.tx_hash)}</span>)} />
      <FunctionField<BatchRecord> label="" sortable={false} render={(batch) => <RetryIfFailed batch={batch} />} />
    </Datagrid>
  );
}
