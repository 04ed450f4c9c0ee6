import HistoryIcon from '@mui/icons-material/History';
import { AuditEventList } from './audit-event-list';
import { AuditEventShow } from './audit-event-show';

export default {
  list: AuditEventList,
  show: AuditEventShow,
  icon: HistoryIcon,
  recordRepresentation: (record: { action?: string; id: string }) => record.action ?? record.id,
};
