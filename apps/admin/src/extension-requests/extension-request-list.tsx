import { Datagrid, List, SelectArrayInput } from 'react-admin';
import { AssignmentLinkField } from '../common/assignment-link-field';
import { DayField, EnumField, InstantField, ShortTextField } from '../common/fields';
import { choicesOf, EXTENSION_STATUS } from '../common/enums';
import { LIST_SX, ListActions } from '../common/list-actions';
import { useCsvExporter } from '../common/use-csv-exporter';
import { ON_ASSIGNMENT } from '../assignments/assignment-fields';

const filters = [
  <SelectArrayInput
    key="status"
    source="status"
    choices={choicesOf('extension_status', EXTENSION_STATUS)}
    alwaysOn
  />,
];
const LIST_FIELDS = {
  sparseFields: [
    'id',
    'proposedDueDate',
    'previousDueDate',
    'reason',
    'status',
    'comment',
    'createdAt',
    'decidedAt',
    ON_ASSIGNMENT,
  ],
};

export const ExtensionRequestList = () => {
  const exporter = useCsvExporter('ExtensionRequest');
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
        <AssignmentLinkField label="resources.ExtensionRequest.fields.assignment" sortable={false} />
        <DayField source="previousDueDate" sortable={false} />
        <DayField source="proposedDueDate" />
        <ShortTextField source="reason" />
        <EnumField source="status" domain="extension_status" />
        <InstantField source="createdAt" />
      </Datagrid>
    </List>
  );
};
