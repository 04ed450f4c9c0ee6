import CorporateFareIcon from '@mui/icons-material/CorporateFare';
import { lazyPage } from '../common/lazy-page';

export default {
  list: lazyPage(() => import('./organization-list'), 'OrganizationList'),
  show: lazyPage(() => import('./organization-show'), 'OrganizationShow'),
  icon: CorporateFareIcon,
  recordRepresentation: 'name',
};
