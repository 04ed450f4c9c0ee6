import { Datagrid, FunctionField, List, SearchInput, SelectInput, TextField } from 'react-admin';
import { DayField, EnumField, ShortTextField } from '../common/fields';
import { choicesOf, DOCUMENT_STATUS } from '../common/enums';
import { LIST_SX, ListActions } from '../common/list-actions';
import { useCsvExporter } from '../common/use-csv-exporter';
import { ConfidentialChip } from './confidential';
import { ImportButton } from './import-button';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    choices={choicesOf('document_status', DOCUMENT_STATUS)}
    alwaysOn
  />,
];

const LIST_FIELDS = {
  sparseFields: [
    'id',
    'number',
    'type',
    'issuer',
    'date',
    'title',
    'status',
    'confidential',
    'publishedAt',
    'createdAt',
  ],
};

export const DocumentList = () => {
  const exporter = useCsvExporter('Document');
  return (
    <List
      sx={LIST_SX}
      empty={false}
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      queryOptions={{ meta: LIST_FIELDS }}
      actions={
        <ListActions meta={LIST_FIELDS}>
          <ImportButton />
        </ListActions>
      }
      exporter={exporter}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="number" />
        <TextField source="type" sortable={false} />
        <ShortTextField source="title" />
        <TextField source="issuer" sortable={false} />
        <DayField source="date" />
        <EnumField source="status" domain="document_status" />
        <FunctionField source="confidential" sortable={false} render={() => <ConfidentialChip />} />
      </Datagrid>
    </List>
  );
};
