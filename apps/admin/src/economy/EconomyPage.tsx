import { Alert, Box, CircularProgress, Stack } from '@mui/material';
import { Title, useGetOne, useTranslate } from 'react-admin';
import { RequireAccess } from '../common/RequireAccess';
import { Section } from '../common/Section';
import { ECONOMY_OVERVIEW_ID, type EconomyRecord } from '../records';
import { BatchList } from './BatchList';
import { ChainSection } from './ChainSection';
import { CoinsSection } from './CoinsSection';
import { MinterSection } from './MinterSection';
import { RewardsSection } from './RewardsSection';
import { TreasurySection } from './TreasurySection';

/**
 * The economy at a glance, for operators: $PLAY rewarded per day against the cap, the minter and the chain, the
 * DAO treasury, game coins, and the reward batches (a failed one sent again from here). One column on a phone, two
 * on a wide screen.
 */
export function EconomyPage() {
  return (
    <RequireAccess resource="economy" action="list">
      <EconomyOverview />
    </RequireAccess>
  );
}

function EconomyOverview() {
  const translate = useTranslate();
  const { data, error, isPending } = useGetOne<EconomyRecord>('economy', { id: ECONOMY_OVERVIEW_ID });
  return (
    <Box data-testid="economy-page" sx={{ minWidth: 0, mt: { xs: 1, sm: 2 } }}>
      <Title title={translate('resources.economy.name', { smart_count: 1 })} />
      {isPending && <CircularProgress aria-label={translate('ra.page.loading')} />}
      {error !== null && (
        <Alert severity="error" data-testid="economy-error">
          {translate(error.message, { _: error.message })}
        </Alert>
      )}
      {data !== undefined && (
        <Stack spacing={2}>
          <RewardsSection overview={data} />
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' }, gap: 2 }}>
            <MinterSection minter={data.minter} />
            <ChainSection indexer={data.indexer} proposals={data.proposals} />
          </Box>
          <TreasurySection treasury={data.treasury} />
          <CoinsSection coins={data.coins} />
          <Section title={translate('gg.economy.batches')} testId="economy-batches">
            <BatchList />
          </Section>
        </Stack>
      )}
    </Box>
  );
}
