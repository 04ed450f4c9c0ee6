import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  Badge,
  Box,
  Button,
  Divider,
  IconButton,
  ListItemText,
  Menu,
  MenuItem,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../common/dates';
import { useGraphqlQuery, useInvalidateGraphql } from '../data/use-graphql';
import { graphqlRequest } from '../providers';
import {
  MARK_READ,
  type NotificationItem,
  POLL_MS,
  RECENT_NOTIFICATIONS,
  UNREAD_COUNT,
} from './notification-queries';

/** The app bar's bell: the unread count (polled), and the latest notifications in a menu. */
export const NotificationBell = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const invalidate = useInvalidateGraphql();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const count = useGraphqlQuery<{ unreadNotificationsCount: number }>(
    ['unread-count'],
    UNREAD_COUNT,
    {},
    { refetchInterval: POLL_MS },
  );
  const recent = useGraphqlQuery<{ allNotifications: NotificationItem[] }>(
    ['recent-notifications'],
    RECENT_NOTIFICATIONS,
    {},
    { enabled: anchor !== null },
  );
  const unread = count.data?.unreadNotificationsCount ?? 0;
  const label = translate('app.bell.label', { smart_count: unread });

  const markRead = async (ids: string[]) => {
    if (ids.length) await graphqlRequest(MARK_READ, { ids });
    await invalidate();
  };
  const open = async (notification: NotificationItem) => {
    setAnchor(null);
    if (!notification.readAt) await markRead([notification.id]);
    navigate(notification.assignment ? `/Assignment/${notification.assignment.id}/show` : '/Notification');
  };
  const items = recent.data?.allNotifications ?? [];

  return (
    <>
      <Tooltip title={label}>
        <IconButton
          color="inherit"
          aria-label={label}
          aria-haspopup="menu"
          onClick={(event) => setAnchor(event.currentTarget)}
        >
          <Badge badgeContent={unread} color="warning" max={99}>
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        slotProps={{
          paper: { sx: { width: 'min(420px, 95vw)' } },
          list: { 'aria-label': translate('app.bell.title') },
        }}
      >
        <Box
          sx={{
            px: 2,
            py: 1,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 1,
          }}
        >
          <Typography component="h2" variant="subtitle1">
            {translate('app.bell.title')}
          </Typography>
          <Button
            size="small"
            disabled={unread === 0}
            onClick={() => void markRead(items.filter((item) => !item.readAt).map((item) => item.id))}
          >
            {translate('app.bell.mark_all_read')}
          </Button>
        </Box>
        <Divider />
        {items.length === 0 && (
          <MenuItem disabled>
            <ListItemText primary={translate(recent.isPending ? 'ra.page.loading' : 'app.bell.empty')} />
          </MenuItem>
        )}
        {items.map((item) => (
          <MenuItem
            key={item.id}
            onClick={() => void open(item)}
            sx={{ whiteSpace: 'normal', alignItems: 'flex-start' }}
          >
            <ListItemText
              primary={item.subject}
              secondary={`${formatDateTime(item.createdAt, locale)}${item.readAt ? '' : ` · ${translate('app.bell.unread')}`}`}
              slotProps={{ primary: { sx: { fontWeight: item.readAt ? 400 : 700 } } }}
            />
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            navigate('/Notification');
          }}
        >
          {translate('app.bell.see_all')}
        </MenuItem>
      </Menu>
    </>
  );
};
