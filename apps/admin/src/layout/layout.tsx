import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import UnsubscribeIcon from '@mui/icons-material/Unsubscribe';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import type { ReactNode } from 'react';
import {
  AppBar,
  Layout,
  Link,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  Menu,
  UserMenu,
  useCanAccess,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { useDocumentLanguage } from '../i18n/use-document-language';
import { NotificationBell } from '../notifications/notification-bell';

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

/** The bell, then the language switch (Tiếng Việt / English), then react-admin's loading indicator. */
const DondocAppBar = () => (
  <AppBar
    toolbar={
      <>
        <NotificationBell />
        <LocalesMenuButton />
        <LoadingIndicator />
      </>
    }
    userMenu={
      <UserMenu>
        <AccountMenuItem />
        <Logout />
      </UserMenu>
    }
  />
);

/** Home, the work screens (import, calendar), every resource the user may list, then mail (admins). */
const DondocMenu = () => {
  const { canAccess: canImport } = useCanAccess({ resource: 'Document', action: 'import' });
  const { canAccess: canSeeMail } = useCanAccess({ resource: 'UndeliveredEmail', action: 'list' });
  return (
    <Menu>
      <Menu.DashboardItem />
      {canImport && <Menu.Item to="/import" primaryText="app.menu.import" leftIcon={<UploadFileIcon />} />}
      <Menu.Item to="/calendar" primaryText="app.menu.calendar" leftIcon={<CalendarMonthIcon />} />
      <Menu.ResourceItems />
      {canSeeMail && (
        <Menu.Item
          to="/undelivered-email"
          primaryText="app.menu.undelivered_email"
          leftIcon={<UnsubscribeIcon />}
        />
      )}
    </Menu>
  );
};

export const DondocLayout = ({ children }: { children: ReactNode }) => {
  useDocumentLanguage();
  return (
    <Layout appBar={DondocAppBar} menu={DondocMenu}>
      {children}
    </Layout>
  );
};
