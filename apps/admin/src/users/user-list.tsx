import type { FC } from 'react';
import {
  BooleanField,
  BooleanInput,
  Datagrid,
  FunctionField,
  List,
  ReferenceField,
  SearchInput,
  SelectInput,
  TextField,
  useTranslate,
} from 'react-admin';
import { choicesOf, ROLE } from '../common/enums';
import { LIST_SX, ListActions } from '../common/list-actions';
import { OrganizationInput } from '../common/organization-input';
import { useCsvExporter } from '../common/use-csv-exporter';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={choicesOf('user_role', ROLE)} alwaysOn />,
  <OrganizationInput key="organizationId" source="organizationId" />,
  <BooleanInput key="active" source="active" />,
];

// Datagrid reads `label` and `sortable` from the element's props.
export const RolesField: FC<{ label?: string; sortable?: boolean }> = () => {
  const translate = useTranslate();
  return (
    <FunctionField
      render={(record: { roles?: string[] }) =>
        (record.roles ?? []).map((role) => translate(`domain.user_role.${role}`)).join(', ')
      }
    />
  );
};

export const UserList = () => {
  const exporter = useCsvExporter('User');
  return (
    <List
      sx={LIST_SX}
      empty={false}
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      actions={<ListActions />}
      exporter={exporter}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="email" />
        <ReferenceField
          source="organization.id"
          reference="Organization"
          label="resources.User.fields.organization"
          sortable={false}
        />
        <RolesField label="resources.User.fields.roles" sortable={false} />
        <BooleanField source="active" sortable={false} />
      </Datagrid>
    </List>
  );
};
