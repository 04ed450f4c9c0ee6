import { BooleanField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { InstantField } from '../common/fields';
import { RolesField } from './user-list';

export const UserShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" component="h1" variant="h5" />
      <TextField source="email" />
      <ReferenceField
        source="organization.id"
        reference="Organization"
        label="resources.User.fields.organization"
      />
      <RolesField label="resources.User.fields.roles" />
      <TextField source="locale" />
      <BooleanField source="active" />
      <InstantField source="createdAt" />
    </SimpleShowLayout>
  </Show>
);
