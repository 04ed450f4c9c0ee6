import SummarizeIcon from '@mui/icons-material/Summarize';
import { ProgressReportList } from './progress-report-list';

/** A report is read and reviewed on its assignment's page, beside the rest of its history. */
export default {
  list: ProgressReportList,
  icon: SummarizeIcon,
  recordRepresentation: (record: { period?: string; id: string }) => record.period ?? record.id,
};
