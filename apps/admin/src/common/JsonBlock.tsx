import { Box, Typography } from '@mui/material';
import { formatJson } from '../lib/json-view';

/** A value as indented JSON under a caption, wrapping rather than widening the page on a phone. */
export function JsonBlock({ testId, title, value, empty }: { testId: string; title: string; value: unknown; empty: string }) {
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
