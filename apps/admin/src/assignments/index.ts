import AssignmentIcon from '@mui/icons-material/AssignmentInd';
import { lazyPage } from '../common/lazy-page';

export default {
  list: lazyPage(() => import('./assignment-list'), 'AssignmentList'),
  show: lazyPage(() => import('./assignment-page'), 'AssignmentPage'),
  icon: AssignmentIcon,
  recordRepresentation: (record: {
    task?: { number?: string };
    organization?: { name?: string };
    id: string;
  }) => [record.task?.number, record.organization?.name].filter(Boolean).join(' — ') || record.id,
};
