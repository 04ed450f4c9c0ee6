import { BooleanInput, Datagrid, DateInput, List, SelectArrayInput } from 'react-admin';
import { AssignmentLinkField } from '../common/assignment-link-field';
import { DayField, EnumField, InstantField, ShortTextField } from '../common/fields';
import { choicesOf, INSPECTION_SEVERITY, INSPECTION_STATUS } from '../common/enums';
import { LIST_SX, ListActions } from '../common/list-actions';
import { DocumentInput, OrganizationInput } from '../common/organization-input';
import { useCsvExporter } from '../common/use-csv-exporter';
import { ON_ASSIGNMENT } from '../assignments/assignment-fields';

const filters = [
  <SelectArrayInput
    key="status"
    source="status"
    choices={choicesOf('inspection_status', INSPECTION_STATUS)}
    alwaysOn
  />,
  <SelectArrayInput
    key="severity"
    source="severity"
    choices={choicesOf('inspection_severity', INSPECTION_SEVERITY)}
  />,
  <OrganizationInput key="organizationId" source="organizationId" />,
  <BooleanInput key="includeDescendants" source="includeDescendants" />,
  <DocumentInput key="documentId" source="documentId" />,
  <DateInput key="followUpFrom" source="followUpFrom" />,
  <DateInput key="followUpTo" source="followUpTo" />,
];
const LIST_FIELDS = {
  sparseFields: [
    'id',
    'finding',
    'severity',
    'remedy',
    'followUpDate',
    'status',
    'resolutionNote',
    'resolvedAt',
    'createdAt',
    { inspector: ['id', 'name'] },
    ON_ASSIGNMENT,
  ],
};

export const InspectionList = () => {
  const exporter = useCsvExporter('Inspection');
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
        <AssignmentLinkField label="resources.Inspection.fields.assignment" sortable={false} />
        <ShortTextField source="finding" />
        <EnumField source="severity" domain="inspection_severity" />
        <DayField source="followUpDate" />
        <EnumField source="status" domain="inspection_status" />
        <InstantField source="createdAt" />
      </Datagrid>
    </List>
  );
};
