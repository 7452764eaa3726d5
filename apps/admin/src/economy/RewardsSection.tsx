import type { EconomyOverview } from '@guandan/protocol';
import { Typography, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { FiguresTable } from '../common/FiguresTable';
import { Section } from '../common/Section';
import { REWARD_SERIES, rewardColumns, rewardedMilli } from '../lib/economy-charts';
import { formatMilliPlay } from '../lib/milli-play';
import { BarChart } from './BarChart';

/** $PLAY rewarded per day (paid, on its way, failed), and how many accounts reached the daily cap each day. */
export function RewardsSection({ overview }: { overview: EconomyOverview }) {
  const translate = useTranslate();
  const { palette } = useTheme();
  const colors: Record<(typeof REWARD_SERIES)[number], string> = { confirmed_milli: palette.success.main, unconfirmed_milli: palette.warning.main, failed_milli: palette.error.main };
  const columns = rewardColumns(overview.minted_by_day);
  return (
    <Section title={translate('gg.economy.rewards')} testId="economy-rewards">
      <Typography variant="body2" data-testid="economy-daily-cap">
        {translate('gg.economy.daily_cap', { amount: formatMilliPlay(overview.daily_cap_milli) })}
      </Typography>
      {columns.days.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('gg.economy.no_rewards')}
        </Typography>
      ) : (
        <>
          <BarChart
            testId="rewards-chart"
            label={translate('gg.economy.rewards')}
            days={columns.days}
            series={columns.series}
            styles={REWARD_SERIES.map((key) => ({ key, label: translate(`gg.economy.reward_series.${key}`), color: colors[key] }))}
            formatValue={(milli) => formatMilliPlay(milli)}
          />
          <FiguresTable
            testId="rewards-table"
            head={[
              translate('gg.economy.day'),
              translate('gg.economy.rewarded'),
              ...REWARD_SERIES.map((key) => translate(`gg.economy.reward_series.${key}`)),
              translate('gg.economy.accounts'),
              translate('gg.economy.at_cap'),
            ]}
            rows={overview.minted_by_day.map((day) => ({
              key: day.day,
              cells: [
                day.day,
                formatMilliPlay(rewardedMilli(day)),
                ...REWARD_SERIES.map((key) => formatMilliPlay(day[key])),
                day.accounts,
                <Typography key="cap" component="span" variant="body2" color={day.accounts_at_cap > 0 ? 'warning.main' : 'text.primary'}>
                  {day.accounts_at_cap}
                </Typography>,
              ],
            }))}
          />
        </>
      )}
    </Section>
  );
}
