import PeopleIcon from '@mui/icons-material/People';
import { UserList } from './user-list';
import { UserShow } from './user-show';

export default { list: UserList, show: UserShow, icon: PeopleIcon, recordRepresentation: 'name' };
