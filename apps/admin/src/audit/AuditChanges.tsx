import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { changedKeys, formatJson } from '../lib/json-view';
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

function JsonBlock({ testId, title, value, empty }: { testId: string; title: string; value: unknown; empty: string }) {
  const text = formatJson(value);
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary">
        {title}
      </Typography>
      <Box
        component="pre"
        data-testid={testId}
        sx={{ m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, fontSize: '0.75rem', overflowX: 'auto', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {text === '' ? empty : text}
      </Box>
    </Box>
  );
}
