import type { RetentionCohort } from '@guandan/protocol';
import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { FiguresTable } from '../common/FiguresTable';
import { Section } from '../common/Section';
import { formatShare } from '../lib/shares';

/** Each sign-up day's accounts and the share that played 1, 7 and 30 days later ("—" until that day has come). */
export function RetentionTable({ cohorts }: { cohorts: readonly RetentionCohort[] }) {
  const translate = useTranslate();
  return (
    <Section title={translate('gg.analytics.retention')} testId="analytics-retention">
      {cohorts.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('gg.analytics.no_cohorts')}
        </Typography>
      ) : (
        <FiguresTable
          testId="retention-table"
          head={[translate('gg.analytics.signup_day'), translate('gg.analytics.cohort_size'), translate('gg.analytics.day_1'), translate('gg.analytics.day_7'), translate('gg.analytics.day_30')]}
          rows={cohorts.map((cohort) => ({
            key: cohort.day,
            cells: [cohort.day, cohort.size.toLocaleString(), formatShare(cohort.day_1), formatShare(cohort.day_7), formatShare(cohort.day_30)],
          }))}
        />
      )}
    </Section>
  );
}
