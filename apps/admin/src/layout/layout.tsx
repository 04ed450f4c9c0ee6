import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import type { ReactNode } from 'react';
import { AppBar, Layout, Link, Logout, UserMenu, useTranslate, useUserMenu } from 'react-admin';
import { useDocumentLanguage } from '../i18n/use-document-language';

const AccountMenuItem = () => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to="/account" onClick={userMenu?.onClose}>
      <ListItemIcon>
        <AccountCircleIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.account.title')}</ListItemText>
    </MenuItem>
  );
};

const DondocAppBar = () => (
  <AppBar
    userMenu={
      <UserMenu>
        <AccountMenuItem />
        <Logout />
      </UserMenu>
    }
  />
);

/** react-admin's layout; its app bar shows the language menu because the i18n provider offers two. */
export const DondocLayout = ({ children }: { children: ReactNode }) => {
  useDocumentLanguage();
  return <Layout appBar={DondocAppBar}>{children}</Layout>;
};
