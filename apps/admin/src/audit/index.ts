import HistoryIcon from '@mui/icons-material/History';
import { lazyPage } from '../common/lazy-page';

export default {
  list: lazyPage(() => import('./audit-event-list'), 'AuditEventList'),
  show: lazyPage(() => import('./audit-event-show'), 'AuditEventShow'),
  icon: HistoryIcon,
  recordRepresentation: (record: { action?: string; id: string }) => record.action ?? record.id,
};
