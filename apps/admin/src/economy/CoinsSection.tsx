import type { EconomyOverview } from '@guandan/protocol';
import { Typography, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Facts } from '../common/Facts';
import { FiguresTable } from '../common/FiguresTable';
import { Section } from '../common/Section';
import { FLOW_SERIES, flowColumns, netFlow } from '../lib/economy-charts';
import { formatCoins } from '../lib/format';
import { BarChart } from './BarChart';

/** Game coins: how many there are, and what each day granted, moved between players, corrected and sold. */
export function CoinsSection({ coins }: { coins: EconomyOverview['coins'] }) {
  const translate = useTranslate();
  const { palette } = useTheme();
  const colors: Record<(typeof FLOW_SERIES)[number], string> = { granted: palette.info.main, won: palette.success.main, lost: palette.error.main, corrected: palette.grey[600], purchased: palette.warning.main };
  const columns = flowColumns(coins.flows_by_day);
  const signed = (amount: number) => formatCoins(amount, { signed: true });
  return (
    <Section title={translate('gg.economy.coins')} testId="economy-coins">
      <Facts
        rows={[
          { label: translate('gg.economy.supply'), value: formatCoins(coins.supply), testId: 'economy-supply' },
          { label: translate('gg.economy.accounts_total'), value: formatCoins(coins.accounts) },
        ]}
      />
      {columns.days.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('gg.economy.no_flows')}
        </Typography>
      ) : (
        <>
          <BarChart
            testId="flows-chart"
            label={translate('gg.economy.flows')}
            days={columns.days}
            series={columns.series}
            styles={FLOW_SERIES.map((key) => ({ key, label: translate(`gg.economy.flow_series.${key}`), color: colors[key] }))}
            formatValue={signed}
          />
          <FiguresTable
            testId="flows-table"
            head={[translate('gg.economy.day'), ...FLOW_SERIES.map((key) => translate(`gg.economy.flow_series.${key}`)), translate('gg.economy.net')]}
            rows={coins.flows_by_day.map((day) => ({ key: day.day, cells: [day.day, ...FLOW_SERIES.map((key) => signed(day[key])), signed(netFlow(day))] }))}
          />
        </>
      )}
    </Section>
  );
}
