import type { EconomyOverview } from '@guandan/protocol';
import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Facts } from '../common/Facts';
import { Section } from '../common/Section';
import { formatDateTime } from '../lib/format';

/** The minter's health: rewards waiting and since when, batches open and failed, the last confirmation. */
export function MinterSection({ minter }: { minter: EconomyOverview['minter'] }) {
  const translate = useTranslate();
  return (
    <Section title={translate('gg.economy.minter')} testId="economy-minter">
      <Facts
        rows={[
          { label: translate('gg.economy.pending_rewards'), value: minter.pending_rewards, testId: 'minter-pending' },
          { label: translate('gg.economy.oldest_pending'), value: formatDateTime(minter.oldest_pending_at) },
          { label: translate('gg.economy.open_batches'), value: minter.open_batches },
          {
            label: translate('gg.economy.failed_batches'),
            value: (
              <Typography component="span" variant="body2" color={minter.failed_batches > 0 ? 'error.main' : 'text.primary'} data-testid="minter-failed">
                {minter.failed_batches}
              </Typography>
            ),
          },
          { label: translate('gg.economy.last_confirmed'), value: formatDateTime(minter.last_confirmed_at) },
        ]}
      />
    </Section>
  );
}
