import CorporateFareIcon from '@mui/icons-material/CorporateFare';
import { OrganizationList } from './organization-list';
import { OrganizationShow } from './organization-show';

export default {
  list: OrganizationList,
  show: OrganizationShow,
  icon: CorporateFareIcon,
  recordRepresentation: 'name',
};
