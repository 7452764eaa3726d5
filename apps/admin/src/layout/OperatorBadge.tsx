import { Box, Chip, Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';

/** Who is signed in and with which role, in the header: the name gives way to the role on a phone. */
export function OperatorBadge() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (identity === undefined) return null;
  const role = typeof identity.role === 'string' ? identity.role : '';
  return (
    <Box data-testid="operator-identity" sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0, ml: 1 }}>
      <Typography
        data-testid="operator-name"
        variant="body2"
        noWrap
        sx={{ display: { xs: 'none', sm: 'block' }, maxWidth: 200, color: 'inherit' }}
      >
        {identity.fullName}
      </Typography>
      <Chip
        data-testid="operator-role"
        size="small"
        label={translate(`gg.roles.${role}`, { _: role })}
        sx={{ color: 'inherit', borderColor: 'currentColor' }}
        variant="outlined"
      />
    </Box>
  );
}
