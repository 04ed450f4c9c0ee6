import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import { ExtensionRequestList } from './extension-request-list';

/** A request is decided on its assignment's page. */
export default {
  list: ExtensionRequestList,
  icon: EventRepeatIcon,
  recordRepresentation: (record: { proposedDueDate?: string; id: string }) =>
    record.proposedDueDate ?? record.id,
};
