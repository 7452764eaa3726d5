import { Box } from '@mui/material';
import { AppBar, TitlePortal } from 'react-admin';
import { ConsoleUserMenu } from './ConsoleUserMenu';
import { OperatorBadge } from './OperatorBadge';

export function ConsoleAppBar() {
  return (
    <AppBar userMenu={<ConsoleUserMenu />}>
      <TitlePortal />
      <Box sx={{ flex: 1 }} />
      <OperatorBadge />
    </AppBar>
  );
}
