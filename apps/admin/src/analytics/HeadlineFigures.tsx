import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { rangeTotals } from '../lib/analytics-series';
import type { AnalyticsRecord } from '../records';

/** DAU, WAU and MAU for the range's last day, then new players and games over the whole range. */
export function HeadlineFigures({ report }: { report: AnalyticsRecord }) {
  const translate = useTranslate();
  const totals = rangeTotals(report.days);
  const figures = [
    { testId: 'analytics-dau', label: translate('gg.analytics.dau', { day: report.to }), value: report.active.daily },
    { testId: 'analytics-wau', label: translate('gg.analytics.wau'), value: report.active.weekly },
    { testId: 'analytics-mau', label: translate('gg.analytics.mau'), value: report.active.monthly },
    { testId: 'analytics-new-players', label: translate('gg.analytics.new_players'), value: totals.newPlayers },
    { testId: 'analytics-games', label: translate('gg.analytics.games'), value: totals.games },
  ];
  return (
    <Section title={translate('gg.analytics.headline')} testId="analytics-headline">
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: 2 }}>
        {figures.map(({ testId, label, value }) => (
          <Box key={testId}>
            <Typography variant="caption" color="text.secondary">
              {label}
            </Typography>
            <Typography variant="h5" data-testid={testId} sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {value.toLocaleString()}
            </Typography>
          </Box>
        ))}
      </Box>
    </Section>
  );
}
