import { Box, Link as MuiLink } from '@mui/material';
import { Link } from 'react-router';
import type { CaseRecord } from '../records';

/** The accounts a case is about, each a link to the player's page, where the sanctions are. */
export function SubjectLinks({ item }: { item: CaseRecord }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', columnGap: 1.5 }}>
      {item.subject_ids.map((userId, index) => (
        <MuiLink key={userId} data-testid="case-subject-link" component={Link} to={`/users/${encodeURIComponent(userId)}/show`} sx={{ overflowWrap: 'anywhere' }}>
          {item.subject_names[index] ?? userId}
        </MuiLink>
      ))}
    </Box>
  );
}

/** Who reported, linked to their page; a dash for the anti-cheat. */
export function ReporterLink({ item }: { item: CaseRecord }) {
  if (item.reporter_id === null) return <span>—</span>;
  return (
    <MuiLink data-testid="case-reporter-link" component={Link} to={`/users/${encodeURIComponent(item.reporter_id)}/show`} sx={{ overflowWrap: 'anywhere' }}>
      {item.reporter_name ?? item.reporter_id}
    </MuiLink>
  );
}
