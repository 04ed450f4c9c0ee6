import FactCheckIcon from '@mui/icons-material/FactCheck';
import { InspectionList } from './inspection-list';

/** A finding is recorded and read on its assignment's page, and from the inspectors' board. */
export default {
  list: InspectionList,
  icon: FactCheckIcon,
  recordRepresentation: (record: { finding?: string; id: string }) =>
    (record.finding ?? record.id).slice(0, 80),
};
