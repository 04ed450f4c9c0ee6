import { type Theme, useMediaQuery } from '@mui/material';
import {
  BooleanInput,
  SimpleList,
  Datagrid,
  DateInput,
  List,
  NumberField,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextField,
} from 'react-admin';
import { DayField, EnumField, ShortTextField, TimelinessChip, TimelinessField } from '../common/fields';
import { ASSIGNMENT_ROLE, ASSIGNMENT_STATUS, choicesOf, TIMELINESS } from '../common/enums';
import { LIST_SX, ListActions } from '../common/list-actions';
import { DocumentInput, OrganizationInput } from '../common/organization-input';
import { useCsvExporter } from '../common/use-csv-exporter';
import { ASSIGNMENT_LIST_META } from './assignment-fields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput
    key="timeliness"
    source="timeliness"
    choices={choicesOf('timeliness', TIMELINESS)}
    alwaysOn
  />,
  <OrganizationInput key="organizationId" source="organizationId" />,
  <BooleanInput key="includeDescendants" source="includeDescendants" />,
  <DocumentInput key="documentId" source="documentId" />,
  <DateInput key="dueFrom" source="dueFrom" />,
  <DateInput key="dueTo" source="dueTo" />,
  <SelectArrayInput
    key="status"
    source="status"
    choices={choicesOf('assignment_status', ASSIGNMENT_STATUS)}
  />,
  <SelectInput key="role" source="role" choices={choicesOf('assignment_role', ASSIGNMENT_ROLE)} />,
];

interface AssignmentRow {
  id: string;
  timeliness: string;
  task?: { number?: string; text?: string } | null;
  organization?: { name?: string } | null;
}

export const AssignmentList = () => {
  const exporter = useCsvExporter('Assignment');
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  return (
    <List
      sx={LIST_SX}
      empty={false}
      filters={filters}
      sort={{ field: 'dueDate', order: 'ASC' }}
      queryOptions={{ meta: ASSIGNMENT_LIST_META }}
      actions={<ListActions meta={ASSIGNMENT_LIST_META} />}
      exporter={exporter}
    >
      {narrow ? (
        // A tablet held upright or a phone: one readable line per assignment instead of eight columns.
        <SimpleList<AssignmentRow>
          linkType="show"
          primaryText={(record) =>
            [record.task?.number, record.organization?.name].filter(Boolean).join(' — ')
          }
          secondaryText={(record) => record.task?.text ?? ''}
          tertiaryText={(record) => <TimelinessChip value={record.timeliness} />}
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="task.number" sortable={false} />
          <ShortTextField source="task.text" sortable={false} />
          <TextField source="organization.name" sortable={false} />
          <EnumField source="role" domain="assignment_role" sortable={false} />
          <EnumField source="status" domain="assignment_status" />
          <TimelinessField source="timeliness" sortable={false} />
          <DayField source="dueDate" />
          <NumberField source="percentComplete" />
        </Datagrid>
      )}
    </List>
  );
};
