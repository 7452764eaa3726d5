import ReplayIcon from '@mui/icons-material/Replay';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import type { ConsoleDataProvider } from '../data-provider';
import type { BatchRecord } from '../records';
import { shortHash } from './short-hash';

/**
 * Sends a failed reward batch again, with a reason (audited). Safe to press: the minter asks the chain whether the
 * batch was minted before it sends anything, so a batch that did go through is never paid twice.
 */
export function RetryBatchButton({ batch }: { batch: BatchRecord }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        data-testid="action-retry-batch"
        data-batch-id={batch.id}
        size="small"
        variant="outlined"
        startIcon={<ReplayIcon />}
        onClick={() => setOpen(true)}
      >
        {translate('gg.economy.retry')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        testId="retry-batch"
        title={translate('gg.economy.retry_title', { batch: shortHash(batch.id) })}
        help={translate('gg.economy.retry_help')}
        confirmLabel={translate('gg.economy.retry')}
        onSubmit={async (reason) => {
          await dataProvider.retryBatch(batch.id, reason);
          return { message: 'gg.economy.retried' };
        }}
      />
    </>
  );
}
