import { Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { type DayRange, presetOf, presetRange, RANGE_PRESETS, rangeProblem } from '../lib/analytics-range';

/**
 * The report's days: a preset ending today, or any two days. A typed range is asked for only once the server
 * would take it, so a half-typed date reads nothing; what is wrong with it is said under the inputs.
 */
export function RangeControl({ range, onChange }: { range: DayRange; onChange: (range: DayRange) => void }) {
  const translate = useTranslate();
  const [draft, setDraft] = useState<DayRange>(range);
  const problem = rangeProblem(draft);
  const chosen = presetOf(range, new Date());

  function edit(next: DayRange) {
    setDraft(next);
    if (rangeProblem(next) === null) onChange(next);
  }

  return (
    <Card variant="outlined" data-testid="analytics-range" sx={{ minWidth: 0 }}>
      <CardContent sx={{ display: 'grid', gap: 1.5, minWidth: 0 }}>
        <Typography variant="subtitle1" component="h2">
          {translate('gg.analytics.range')}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {RANGE_PRESETS.map((days) => (
            <Button key={days} data-testid={`analytics-preset-${days}`} size="small" variant={chosen === days ? 'contained' : 'outlined'} onClick={() => edit(presetRange(days, new Date()))}>
              {translate('gg.analytics.preset', { days })}
            </Button>
          ))}
        </Stack>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {(['from', 'to'] as const).map((end) => (
            <TextField
              key={end}
              type="date"
              size="small"
              label={translate(`gg.analytics.${end}`)}
              value={draft[end]}
              onChange={(event) => edit({ ...draft, [end]: event.target.value })}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `analytics-${end}` } }}
              sx={{ flex: '1 1 140px', minWidth: 0 }}
            />
          ))}
        </Stack>
        {problem !== null && (
          <Typography variant="body2" color="error" data-testid="analytics-range-problem">
            {translate(`gg.analytics.range_problem.${problem}`)}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
