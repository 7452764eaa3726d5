import { Alert, Box, CircularProgress, Stack } from '@mui/material';
import { useState } from 'react';
import { Title, useGetOne, useTranslate } from 'react-admin';
import { RequireAccess } from '../common/RequireAccess';
import { DEFAULT_PRESET, type DayRange, presetRange, rangeId } from '../lib/analytics-range';
import type { AnalyticsRecord } from '../records';
import { AnalyticsCharts } from './AnalyticsCharts';
import { FunnelList } from './FunnelList';
import { HeadlineFigures } from './HeadlineFigures';
import { RangeControl } from './RangeControl';
import { RetentionTable } from './RetentionTable';

/**
 * Players, games, coins, retention and the funnel over a range of UTC days, for operators. One column on a phone,
 * two for the smaller parts on a wide screen.
 */
export function AnalyticsPage() {
  return (
    <RequireAccess resource="analytics" action="list">
      <AnalyticsReport />
    </RequireAccess>
  );
}

function AnalyticsReport() {
  const translate = useTranslate();
  const [range, setRange] = useState<DayRange>(() => presetRange(DEFAULT_PRESET, new Date()));
  const { data, error, isPending } = useGetOne<AnalyticsRecord>('analytics', { id: rangeId(range) });
  return (
    <Box data-testid="analytics-page" sx={{ minWidth: 0, mt: { xs: 1, sm: 2 } }}>
      <Title title={translate('resources.analytics.name', { smart_count: 1 })} />
      <Stack spacing={2}>
        <RangeControl range={range} onChange={setRange} />
        {isPending && <CircularProgress aria-label={translate('ra.page.loading')} />}
        {error !== null && (
          <Alert severity="error" data-testid="analytics-error">
            {translate(error.message, { _: error.message })}
          </Alert>
        )}
        {data !== undefined && (
          <>
            <HeadlineFigures report={data} />
            <AnalyticsCharts days={data.days} />
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' }, gap: 2 }}>
              <FunnelList funnel={data.funnel} />
              <RetentionTable cohorts={data.cohorts} />
            </Box>
          </>
        )}
      </Stack>
    </Box>
  );
}
