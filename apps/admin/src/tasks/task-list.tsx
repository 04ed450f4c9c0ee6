import { Datagrid, List, SearchInput, TextField } from 'react-admin';
import { DayField, EnumField, ShortTextField } from '../common/fields';
import { LIST_SX, ListActions } from '../common/list-actions';
import { DocumentInput } from '../common/organization-input';
import { useCsvExporter } from '../common/use-csv-exporter';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <DocumentInput key="documentId" source="documentId" />,
];
const LIST_FIELDS = {
  sparseFields: ['id', 'number', 'text', 'kind', 'dueDate', 'cadence', { document: ['id', 'number'] }],
};

export const TaskList = () => {
  const exporter = useCsvExporter('Task');
  return (
    <List
      sx={LIST_SX}
      empty={false}
      filters={filters}
      sort={{ field: 'position', order: 'ASC' }}
      queryOptions={{ meta: LIST_FIELDS }}
      actions={<ListActions meta={LIST_FIELDS} />}
      exporter={exporter}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="document.number" sortable={false} />
        <TextField source="number" />
        <ShortTextField source="text" length={200} />
        <EnumField source="kind" domain="task_kind" sortable={false} />
        <DayField source="dueDate" />
      </Datagrid>
    </List>
  );
};
