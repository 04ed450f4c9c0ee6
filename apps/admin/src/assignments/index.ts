import AssignmentIcon from '@mui/icons-material/AssignmentInd';
import { AssignmentList } from './assignment-list';
import { AssignmentPage } from './assignment-page';

export default {
  list: AssignmentList,
  show: AssignmentPage,
  icon: AssignmentIcon,
  recordRepresentation: (record: {
    task?: { number?: string };
    organization?: { name?: string };
    id: string;
  }) => [record.task?.number, record.organization?.name].filter(Boolean).join(' — ') || record.id,
};
