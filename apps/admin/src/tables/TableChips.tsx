import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A table where nothing has happened for longer than a turn can last: something is wrong with it. */
export function StuckChip({ stuck }: { stuck: boolean }) {
  const translate = useTranslate();
  if (!stuck) return null;
  return <Chip data-testid="table-stuck" size="small" color="error" label={translate('gg.tables.stuck')} />;
}

/** The game mode in words. */
export function useModeText(): (mode: string) => string {
  const translate = useTranslate();
  return (mode) => translate(`gg.tables.mode.${mode}`, { _: mode });
}
