import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** Label and value pairs: two columns on a wide screen, one under the other on a phone. */
export function Facts({ rows }: { rows: ReadonlyArray<{ label: string; value: ReactNode; testId?: string }> }) {
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'minmax(140px, max-content) 1fr' }, columnGap: 3, rowGap: { xs: 0.25, sm: 1 }, m: 0 }}>
      {rows.map((row) => (
        <Box key={row.label} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary" sx={{ mt: { xs: 1, sm: 0 } }}>
            {row.label}
          </Typography>
          <Typography component="dd" variant="body2" data-testid={row.testId} sx={{ m: 0, overflowWrap: 'anywhere', minWidth: 0 }}>
            {row.value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
