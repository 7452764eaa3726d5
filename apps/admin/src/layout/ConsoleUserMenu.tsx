import AccountCircle from '@mui/icons-material/AccountCircle';
import { IconButton, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import { useState } from 'react';
import { Logout, useGetIdentity, useTranslate } from 'react-admin';

/**
 * The account menu: who is signed in (also on a phone, where the header has no room for the name) and signing out.
 * Our own rather than react-admin's UserMenu, which repeats the name the header already shows.
 */
export function ConsoleUserMenu() {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const role = typeof identity?.role === 'string' ? identity.role : '';
  return (
    <>
      <Tooltip title={translate('ra.auth.user_menu')}>
        <IconButton data-testid="account-menu" color="inherit" aria-label={translate('ra.auth.user_menu')} onClick={(event) => setAnchor(event.currentTarget)}>
          <AccountCircle />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        <MenuItem disabled>
          <ListItemText
            primary={translate('gg.auth.signed_in_as', { name: identity?.fullName ?? '' })}
            secondary={translate(`gg.roles.${role}`, { _: role })}
          />
        </MenuItem>
        <Logout data-testid="sign-out" />
      </Menu>
    </>
  );
}
