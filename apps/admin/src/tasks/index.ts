import ChecklistIcon from '@mui/icons-material/Checklist';
import { lazyPage } from '../common/lazy-page';

export default {
  list: lazyPage(() => import('./task-list'), 'TaskList'),
  show: lazyPage(() => import('./task-show'), 'TaskShow'),
  icon: ChecklistIcon,
  recordRepresentation: (record: { number?: string; text?: string; id: string }) =>
    record.number ? `${record.number}. ${(record.text ?? '').slice(0, 80)}` : record.id,
};
