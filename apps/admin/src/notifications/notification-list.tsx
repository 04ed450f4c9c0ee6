import DoneAllIcon from '@mui/icons-material/DoneAll';
import {
  Button,
  Datagrid,
  List,
  NullableBooleanInput,
  SelectInput,
  TextField,
  useListContext,
  useNotify,
  useRefresh,
  useUnselectAll,
} from 'react-admin';
import { EnumField, InstantField, ShortTextField } from '../common/fields';
import { choicesOf, NOTIFICATION_KIND } from '../common/enums';
import { LIST_SX, ListActions } from '../common/list-actions';
import { useCsvExporter } from '../common/use-csv-exporter';
import { useInvalidateGraphql } from '../data/use-graphql';
import { graphqlRequest } from '../providers';
import { MARK_READ } from './notification-queries';

const filters = [
  <NullableBooleanInput key="unread" source="unread" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={choicesOf('notification_kind', NOTIFICATION_KIND)} />,
];

const MarkReadButton = () => {
  const { selectedIds } = useListContext();
  const refresh = useRefresh();
  const notify = useNotify();
  const unselectAll = useUnselectAll('Notification');
  const invalidate = useInvalidateGraphql();
  return (
    <Button
      label="app.bell.mark_read"
      onClick={async () => {
        await graphqlRequest(MARK_READ, { ids: selectedIds });
        unselectAll();
        notify('app.bell.marked', { type: 'info' });
        await invalidate();
        refresh();
      }}
    >
      <DoneAllIcon />
    </Button>
  );
};

export const NotificationList = () => {
  const exporter = useCsvExporter('Notification');
  return (
    <List
      sx={LIST_SX}
      empty={false}
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      actions={<ListActions />}
      exporter={exporter}
    >
      <Datagrid
        rowClick={(_id, _resource, record) => {
          const assignment = (record as { assignment?: { id: string } | null }).assignment;
          return assignment ? `/Assignment/${assignment.id}/show` : false;
        }}
        bulkActionButtons={<MarkReadButton />}
      >
        <TextField source="subject" sortable={false} />
        <ShortTextField source="message" />
        <EnumField source="kind" domain="notification_kind" />
        <InstantField source="createdAt" />
        <InstantField source="readAt" />
      </Datagrid>
    </List>
  );
};
