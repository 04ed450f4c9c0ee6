import AccountTreeIcon from '@mui/icons-material/AccountTree';
import {
  BooleanField,
  BooleanInput,
  Button,
  Datagrid,
  Link,
  List,
  ReferenceField,
  SearchInput,
  SelectInput,
  TextField,
} from 'react-admin';
import { EnumField } from '../common/fields';
import { choicesOf, ORGANIZATION_KIND, ORGANIZATION_LEVEL } from '../common/enums';
import { LIST_SX, ListActions } from '../common/list-actions';
import { OrganizationInput } from '../common/organization-input';
import { useCsvExporter } from '../common/use-csv-exporter';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <OrganizationInput key="parentId" source="parentId" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={choicesOf('organization_kind', ORGANIZATION_KIND)} />,
  <SelectInput key="level" source="level" choices={choicesOf('organization_level', ORGANIZATION_LEVEL)} />,
  <BooleanInput key="active" source="active" />,
];

export const TreeButton = () => (
  <Button component={Link} to="/organizations/tree" label="app.organizations.tree">
    <AccountTreeIcon />
  </Button>
);

export const OrganizationList = () => {
  const exporter = useCsvExporter('Organization');
  return (
    <List
      sx={LIST_SX}
      empty={false}
      filters={filters}
      sort={{ field: 'path', order: 'ASC' }}
      actions={
        <ListActions>
          <TreeButton />
        </ListActions>
      }
      exporter={exporter}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="shortName" />
        <EnumField source="kind" domain="organization_kind" />
        <EnumField source="level" domain="organization_level" />
        <ReferenceField
          source="parent.id"
          reference="Organization"
          label="resources.Organization.fields.parent"
          sortable={false}
        />
        <BooleanField source="active" sortable={false} />
      </Datagrid>
    </List>
  );
};
