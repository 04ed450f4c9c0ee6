import { BooleanInput, DateInput, SelectArrayInput } from 'react-admin';
import { AssignmentRecordList } from '../common/assignment-record-list';
import { DayField, EnumField, InstantField, ShortTextField } from '../common/fields';
import { choicesOf, INSPECTION_SEVERITY, INSPECTION_STATUS } from '../common/enums';
import { DocumentInput, OrganizationInput } from '../common/organization-input';
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

export const InspectionList = () => (
  <AssignmentRecordList resource="Inspection" filters={filters} fields={LIST_FIELDS}>
    <ShortTextField source="finding" />
    <EnumField source="severity" domain="inspection_severity" />
    <DayField source="followUpDate" />
    <EnumField source="status" domain="inspection_status" />
    <InstantField source="createdAt" />
  </AssignmentRecordList>
);
