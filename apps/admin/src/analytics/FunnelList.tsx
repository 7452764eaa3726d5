import type { AnalyticsReport } from '@guandan/protocol';
import { Box, LinearProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { funnelBars } from '../lib/funnel';
import { formatShare } from '../lib/shares';

/** The accounts made in the range, step by step: each bar as long as its share of the sign-ups. */
export function FunnelList({ funnel }: { funnel: AnalyticsReport['funnel'] }) {
  const translate = useTranslate();
  return (
    <Section title={translate('gg.analytics.funnel')} testId="analytics-funnel">
      {funnelBars(funnel).map((bar) => (
        <Box key={bar.step} data-testid={`funnel-${bar.step}`} data-accounts={bar.accounts}>
          <Typography variant="body2">{translate(`gg.analytics.funnel_step.${bar.step}`)}</Typography>
          <LinearProgress variant="determinate" value={(bar.ofSignedUp ?? 0) * 100} aria-label={translate(`gg.analytics.funnel_step.${bar.step}`)} sx={{ height: 10, borderRadius: 1, my: 0.5 }} />
          <Typography variant="caption" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
            {bar.step === 'signed_up'
              ? translate('gg.analytics.funnel_first', { accounts: bar.accounts.toLocaleString() })
              : translate('gg.analytics.funnel_line', { accounts: bar.accounts.toLocaleString(), share: formatShare(bar.ofPrevious) })}
          </Typography>
        </Box>
      ))}
    </Section>
  );
}
