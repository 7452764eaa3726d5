import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { JsonBlock } from '../common/JsonBlock';
import { changedKeys } from '../lib/json-view';
import type { AuditRecord } from '../records';

/** An entry's state before and after, as indented JSON side by side (one above the other on a phone). */
export function AuditChanges({ entry }: { entry?: AuditRecord }) {
  const fromContext = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  const record = entry ?? fromContext;
  if (record === undefined) return null;
  const changed = changedKeys(record.before, record.after);
  return (
    <Box data-testid="audit-changes" sx={{ minWidth: 0 }}>
      {changed.length > 0 && (
        <Typography data-testid="audit-changed" variant="body2" sx={{ mb: 1 }}>
          {translate('gg.audit.changed', { keys: changed.join(', ') })}
        </Typography>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) minmax(0, 1fr)' }, gap: 1 }}>
        <JsonBlock testId="audit-before" title={translate('gg.audit.before')} value={record.before} empty={translate('gg.audit.nothing')} />
        <JsonBlock testId="audit-after" title={translate('gg.audit.after')} value={record.after} empty={translate('gg.audit.nothing')} />
      </Box>
    </Box>
  );
}
