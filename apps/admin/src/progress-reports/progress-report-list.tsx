import { Datagrid, List, NumberField, SelectArrayInput, TextField, TextInput } from 'react-admin';
import { AssignmentLinkField } from '../common/assignment-link-field';
import { EnumField, InstantField, ShortTextField } from '../common/fields';
import { choicesOf, REPORT_STATUS } from '../common/enums';
import { LIST_SX, ListActions } from '../common/list-actions';
import { useCsvExporter } from '../common/use-csv-exporter';
import { ON_ASSIGNMENT } from '../assignments/assignment-fields';

const filters = [
  <SelectArrayInput
    key="status"
    source="status"
    choices={choicesOf('report_status', REPORT_STATUS)}
    alwaysOn
  />,
  <TextInput key="period" source="period" />,
];
const LIST_FIELDS = {
  sparseFields: [
    'id',
    'period',
    'percentComplete',
    'results',
    'difficulties',
    'proposals',
    'status',
    'reviewComment',
    'submittedAt',
    'reviewedAt',
    'version',
    ON_ASSIGNMENT,
  ],
};

export const ProgressReportList = () => {
  const exporter = useCsvExporter('ProgressReport');
  return (
    <List
      sx={LIST_SX}
      empty={false}
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      queryOptions={{ meta: LIST_FIELDS }}
      actions={<ListActions meta={LIST_FIELDS} />}
      exporter={exporter}
    >
      <Datagrid
        rowClick={(_id, _resource, record) =>
          `/Assignment/${String((record as { assignment?: { id: string } }).assignment?.id)}/show`
        }
        bulkActionButtons={false}
      >
        <AssignmentLinkField label="resources.ProgressReport.fields.assignment" sortable={false} />
        <TextField source="period" />
        <NumberField source="percentComplete" />
        <ShortTextField source="results" />
        <EnumField source="status" domain="report_status" />
        <InstantField source="submittedAt" />
      </Datagrid>
    </List>
  );
};
