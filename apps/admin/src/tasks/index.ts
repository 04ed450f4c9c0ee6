import ChecklistIcon from '@mui/icons-material/Checklist';
import { TaskList } from './task-list';
import { TaskShow } from './task-show';

export default {
  list: TaskList,
  show: TaskShow,
  icon: ChecklistIcon,
  recordRepresentation: (record: { number?: string; text?: string; id: string }) =>
    record.number ? `${record.number}. ${(record.text ?? '').slice(0, 80)}` : record.id,
};
