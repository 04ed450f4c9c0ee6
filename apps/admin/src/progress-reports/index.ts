import SummarizeIcon from '@mui/icons-material/Summarize';
import { lazyPage } from '../common/lazy-page';

/** A report is read and reviewed on its assignment's page, beside the rest of its history. */
export default {
  list: lazyPage(() => import('./progress-report-list'), 'ProgressReportList'),
  icon: SummarizeIcon,
  recordRepresentation: (record: { period?: string; id: string }) => record.period ?? record.id,
};
