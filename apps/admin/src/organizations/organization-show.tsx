import ListAltIcon from '@mui/icons-material/ListAlt';
import {
  BooleanField,
  Button,
  Datagrid,
  Link,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  FunctionField,
} from 'react-admin';
import { EnumField } from '../common/fields';
import { LineageSection, ReorganizeButtons } from './lineage-section';
import { TreeButton } from './organization-list';

/** Its assignments, its subtree included. */
const AssignmentsButton = () => {
  const record = useRecordContext<{ id: string }>();
  if (!record) return null;
  const filter = encodeURIComponent(JSON.stringify({ organizationId: record.id, includeDescendants: true }));
  return (
    <Button component={Link} to={`/Assignment?filter=${filter}`} label="app.organizations.assignments">
      <ListAltIcon />
    </Button>
  );
};

export const OrganizationShow = () => (
  <Show
    actions={
      <TopToolbar>
        <AssignmentsButton />
        <TreeButton />
        <ReorganizeButtons />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <TextField source="name" component="h1" variant="h5" />
      <TextField source="shortName" />
      <FunctionField
        source="aliases"
        render={(record: { aliases?: string[] }) => (record.aliases ?? []).join(', ')}
      />
      <EnumField source="kind" domain="organization_kind" />
      <EnumField source="level" domain="organization_level" />
      <ReferenceField
        source="parent.id"
        reference="Organization"
        label="resources.Organization.fields.parent"
      />
      <BooleanField source="active" />
      <FunctionField label={false} render={() => <LineageSection />} />
      <ReferenceManyField
        reference="Organization"
        target="parentId"
        sort={{ field: 'path', order: 'ASC' }}
        perPage={100}
        label="app.organizations.children"
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <EnumField source="kind" domain="organization_kind" />
          <EnumField source="level" domain="organization_level" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
