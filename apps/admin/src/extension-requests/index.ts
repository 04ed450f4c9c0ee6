import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import { lazyPage } from '../common/lazy-page';

/** A request is decided on its assignment's page. */
export default {
  list: lazyPage(() => import('./extension-request-list'), 'ExtensionRequestList'),
  icon: EventRepeatIcon,
  recordRepresentation: (record: { proposedDueDate?: string; id: string }) =>
    record.proposedDueDate ?? record.id,
};
