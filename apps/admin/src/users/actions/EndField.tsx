import { Chip, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { END_PRESETS, presetEnd } from '../../lib/sanction-form';

/**
 * When a sanction ends: a date-time in the operator's own zone, with quick choices. `optional`: empty means until
 * lifted, and a chip says so.
 */
export function EndField(props: { value: string; onChange: (value: string) => void; optional: boolean; problem: string | null; touched: boolean }) {
  const translate = useTranslate();
  return (
    <Stack spacing={1}>
      <Typography variant="caption" color="text.secondary">
        {translate('gg.actions.presets')}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {END_PRESETS.map(({ key }) => (
          <Chip key={key} data-testid={`end-preset-${key}`} label={translate(`gg.actions.preset.${key}`)} onClick={() => props.onChange(presetEnd(key, new Date()))} />
        ))}
        {props.optional && <Chip data-testid="end-preset-forever" label={translate('gg.actions.preset.forever')} onClick={() => props.onChange('')} />}
      </Stack>
      <TextField
        type="datetime-local"
        label={translate(props.optional ? 'gg.actions.ends_at_optional' : 'gg.actions.ends_at')}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        error={props.touched && props.problem !== null}
        helperText={props.touched && props.problem !== null ? translate(props.problem) : undefined}
        fullWidth
        required={!props.optional}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'ends-at-input' } }}
      />
    </Stack>
  );
}
