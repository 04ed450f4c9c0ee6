import DescriptionIcon from '@mui/icons-material/Description';
import { DocumentList } from './document-list';
import { DocumentShow } from './document-show';

export default {
  list: DocumentList,
  show: DocumentShow,
  icon: DescriptionIcon,
  recordRepresentation: (record: { number?: string | null; title?: string | null; id: string }) =>
    record.number ?? record.title ?? record.id,
};
