import FactCheckIcon from '@mui/icons-material/FactCheck';
import { lazyPage } from '../common/lazy-page';

/** A finding is recorded and read on its assignment's page, and from the inspectors' board. */
export default {
  list: lazyPage(() => import('./inspection-list'), 'InspectionList'),
  icon: FactCheckIcon,
  recordRepresentation: (record: { finding?: string; id: string }) =>
    (record.finding ?? record.id).slice(0, 80),
};
