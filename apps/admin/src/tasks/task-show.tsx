import {
  ArrayField,
  Datagrid,
  NumberField,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';
import { DayField, EnumField, TimelinessField } from '../common/fields';
import { ASSIGNMENT_LIST_META } from '../assignments/assignment-fields';

export const TaskShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField
        source="document.id"
        reference="Document"
        label="resources.Task.fields.document"
        link="show"
      />
      <TextField source="number" />
      <TextField source="text" sx={{ whiteSpace: 'pre-wrap' }} />
      <EnumField source="kind" domain="task_kind" />
      <DayField source="dueDate" />
      <EnumField source="cadence" domain="cadence" />
      <ArrayField source="plannedAssignees">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <ReferenceField
            source="organization.id"
            reference="Organization"
            label="resources.Task.fields.organization"
            link={false}
          />
          <EnumField source="role" domain="assignment_role" />
          <DayField source="dueDate" />
        </Datagrid>
      </ArrayField>
      <ReferenceManyField
        reference="Assignment"
        target="taskId"
        sort={{ field: 'dueDate', order: 'ASC' }}
        queryOptions={{ meta: ASSIGNMENT_LIST_META }}
        label="resources.Task.fields.assignments"
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="organization.name" sortable={false} />
          <EnumField source="role" domain="assignment_role" />
          <TimelinessField />
          <DayField source="dueDate" />
          <NumberField source="percentComplete" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
