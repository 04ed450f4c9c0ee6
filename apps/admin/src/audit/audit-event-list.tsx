import { Datagrid, List, SelectInput, TextField, TextInput } from 'react-admin';
import { InstantField } from '../common/fields';
import { LIST_SX, ListActions } from '../common/list-actions';
import { useCsvExporter } from '../common/use-csv-exporter';

export const ENTITY_TYPES = [
  'assignment',
  'document',
  'extension_request',
  'organization',
  'progress_report',
  'task',
  'user',
  'inspection',
];

const filters = [
  <SelectInput
    key="entityType"
    source="entityType"
    choices={ENTITY_TYPES.map((type) => ({ id: type, name: `app.audit.entity.${type}` }))}
    alwaysOn
  />,
  <TextInput key="entityId" source="entityId" />,
  <TextInput key="actorId" source="actorId" />,
];

export const AuditEventList = () => {
  const exporter = useCsvExporter('AuditEvent');
  return (
    <List
      sx={LIST_SX}
      empty={false}
      filters={filters}
      sort={{ field: 'occurredAt', order: 'DESC' }}
      actions={<ListActions />}
      exporter={exporter}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <InstantField source="occurredAt" />
        <TextField source="action" />
        <TextField source="entityType" />
        <TextField source="entityId" sortable={false} />
        <TextField source="actorId" sortable={false} />
      </Datagrid>
    </List>
  );
};
