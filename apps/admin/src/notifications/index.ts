import NotificationsIcon from '@mui/icons-material/Notifications';
import { lazyPage } from '../common/lazy-page';

export default {
  list: lazyPage(() => import('./notification-list'), 'NotificationList'),
  icon: NotificationsIcon,
  recordRepresentation: 'subject',
};
