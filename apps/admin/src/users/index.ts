import PeopleIcon from '@mui/icons-material/People';
import { lazyPage } from '../common/lazy-page';

export default {
  list: lazyPage(() => import('./user-list'), 'UserList'),
  show: lazyPage(() => import('./user-show'), 'UserShow'),
  icon: PeopleIcon,
  recordRepresentation: 'name',
};
