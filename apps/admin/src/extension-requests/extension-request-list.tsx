import { SelectArrayInput } from 'react-admin';
import { AssignmentRecordList } from '../common/assignment-record-list';
import { DayField, EnumField, InstantField, ShortTextField } from '../common/fields';
import { choicesOf, EXTENSION_STATUS } from '../common/enums';
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

export const ExtensionRequestList = () => (
  <AssignmentRecordList resource="ExtensionRequest" filters={filters} fields={LIST_FIELDS}>
    <DayField source="previousDueDate" sortable={false} />
    <DayField source="proposedDueDate" />
    <ShortTextField source="reason" />
    <EnumField source="status" domain="extension_status" />
    <InstantField source="createdAt" />
  </AssignmentRecordList>
);
