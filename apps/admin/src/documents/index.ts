import DescriptionIcon from '@mui/icons-material/Description';
import { lazyPage } from '../common/lazy-page';

export default {
  list: lazyPage(() => import('./document-list'), 'DocumentList'),
  show: lazyPage(() => import('./document-show'), 'DocumentShow'),
  icon: DescriptionIcon,
  recordRepresentation: (record: { number?: string | null; title?: string | null; id: string }) =>
    record.number ?? record.title ?? record.id,
};
