import { registerEnumType } from '@nestjs/graphql';

import { OrganizationKind, OrganizationLevel } from '@dondoc/organizations';

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What sort of body an organization is.',
});
registerEnumType(OrganizationLevel, {
  name: 'OrganizationLevel',
  description: 'Central, province, district or commune.',
});

export { OrganizationKind, OrganizationLevel };
