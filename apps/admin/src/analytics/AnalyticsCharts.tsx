import type { AnalyticsDay } from '@guandan/protocol';
import { Box, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { BarChart } from '../economy/BarChart';
import { coinColumns, countColumns, LENGTH_FIELDS, lengthColumns, modeColumns, RATE_FIELDS, rateColumns } from '../lib/analytics-series';
import { formatMilliPlay } from '../lib/milli-play';

const wholeNumber = (value: number) => Math.round(value).toLocaleString();
const percent = (value: number) => `${value.toLocaleString(undefined, { maximumFractionDigits: 1 })}%`;
const seconds = (value: number) => value.toLocaleString(undefined, { maximumFractionDigits: 1 });

/**
 * The report's series, one chart each. Rates and lengths get a chart per figure rather than a stack: a stack of
 * percentages adds up to nothing, and a deal and a match differ by an order of magnitude.
 */
export function AnalyticsCharts({ days }: { days: readonly AnalyticsDay[] }) {
  const translate = useTranslate();
  const { palette } = useTheme();
  const modeColors = [palette.primary.main, palette.secondary.main, palette.warning.main];
  const modes = modeColumns(days);
  const coins = coinColumns(days);
  const single = (key: string, label: string, color = palette.primary.main) => [{ key, label, color }];
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' }, gap: 2 }}>
      <Section title={translate('gg.analytics.active_players')} testId="analytics-active">
        <BarChart testId="active-chart" label={translate('gg.analytics.active_players')} {...countColumns(days, 'active_players')} styles={single('active_players', translate('gg.analytics.players'))} formatValue={wholeNumber} />
      </Section>
      <Section title={translate('gg.analytics.new_players_per_day')} testId="analytics-new">
        <BarChart testId="new-chart" label={translate('gg.analytics.new_players_per_day')} {...countColumns(days, 'new_players')} styles={single('new_players', translate('gg.analytics.players'))} formatValue={wholeNumber} />
      </Section>
      <Section title={translate('gg.analytics.games_per_mode')} testId="analytics-modes">
        <BarChart
          testId="modes-chart"
          label={translate('gg.analytics.games_per_mode')}
          {...modes}
          styles={modes.series.map(({ key }, index) => ({ key, label: translate(`gg.tables.mode.${key}`), color: modeColors[index % modeColors.length] ?? palette.primary.main }))}
          formatValue={wholeNumber}
        />
      </Section>
      <Section title={translate('gg.analytics.coins')} testId="analytics-coins">
        <BarChart
          testId="coins-chart"
          label={translate('gg.analytics.coins')}
          {...coins}
          styles={[
            { key: 'coins_issued', label: translate('gg.analytics.coin_series.coins_issued'), color: palette.success.main },
            { key: 'coins_spent', label: translate('gg.analytics.coin_series.coins_spent'), color: palette.error.main },
          ]}
          formatValue={wholeNumber}
        />
      </Section>
      <Section title={translate('gg.analytics.rates')} testId="analytics-rates">
        {RATE_FIELDS.map((key) => (
          <BarChart key={key} testId={`rate-chart-${key}`} label={translate(`gg.analytics.rate.${key}`)} {...rateColumns(days, key)} styles={single(key, translate(`gg.analytics.rate.${key}`), palette.warning.main)} formatValue={percent} />
        ))}
      </Section>
      <Section title={translate('gg.analytics.lengths')} testId="analytics-lengths">
        {LENGTH_FIELDS.map((key) => (
          <BarChart key={key} testId={`length-chart-${key}`} label={translate(`gg.analytics.length.${key}`)} {...lengthColumns(days, key)} styles={single(key, translate(`gg.analytics.length.${key}`), palette.info.main)} formatValue={seconds} />
        ))}
      </Section>
      <Section title={translate('gg.analytics.play_rewarded')} testId="analytics-play">
        <BarChart
          testId="play-chart"
          label={translate('gg.analytics.play_rewarded')}
          {...countColumns(days, 'play_rewarded_milli')}
          styles={single('play_rewarded_milli', translate('gg.analytics.play_rewarded'), palette.success.main)}
          formatValue={(milli) => formatMilliPlay(Math.round(milli))}
        />
      </Section>
    </Box>
  );
}
