import NotificationsIcon from '@mui/icons-material/Notifications';
import { NotificationList } from './notification-list';

export default { list: NotificationList, icon: NotificationsIcon, recordRepresentation: 'subject' };
