import { NumberField, SelectArrayInput, TextField, TextInput } from 'react-admin';
import { AssignmentRecordList } from '../common/assignment-record-list';
import { EnumField, InstantField, ShortTextField } from '../common/fields';
import { choicesOf, REPORT_STATUS } from '../common/enums';
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

export const ProgressReportList = () => (
  <AssignmentRecordList resource="ProgressReport" filters={filters} fields={LIST_FIELDS}>
    <TextField source="period" />
    <NumberField source="percentComplete" />
    <ShortTextField source="results" />
    <EnumField source="status" domain="report_status" />
    <InstantField source="submittedAt" />
  </AssignmentRecordList>
);
