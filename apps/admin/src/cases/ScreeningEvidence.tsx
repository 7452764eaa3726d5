import { Box, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Facts } from '../common/Facts';
import type { Screening } from '../lib/case-evidence';

/**
 * Why sanctions screening refused an address: the address (to be looked up elsewhere, so shown whole), what it was
 * to be used as, and each list that names it, with the name it is listed under.
 */
export function ScreeningEvidence({ screening }: { screening: Screening }) {
  const translate = useTranslate();
  return (
    <Stack spacing={1.5} data-testid="case-screening">
      <Facts
        rows={[
          {
            label: translate('gg.cases.screened_address'),
            value: (
              <Box component="span" sx={{ fontFamily: 'monospace' }}>
                {screening.address}
              </Box>
            ),
            testId: 'screened-address',
          },
          { label: translate('gg.cases.screened_purpose'), value: screening.purpose },
        ]}
      />
      <Typography variant="caption" color="text.secondary">
        {translate('gg.cases.screening_hits')}
      </Typography>
      {screening.hits.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('gg.cases.no_hits')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 0.75 }}>
          {screening.hits.map((hit, index) => (
            <Box
              component="li"
              key={`${hit.source}:${hit.name}:${index}`}
              data-testid="screening-hit"
              sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', px: 1, py: 0.5, borderLeft: 3, borderColor: 'error.main', borderRadius: 0.5, overflowWrap: 'anywhere' }}
            >
              <Chip size="small" variant="outlined" color="error" label={hit.source} />
              <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
                {hit.name}
              </Typography>
              <Typography component="span" variant="caption" color="text.secondary">
                {hit.category}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </Stack>
  );
}
