import { registerEnumType } from '@nestjs/graphql';

import { Role } from '@dondoc/identity';

registerEnumType(Role, { name: 'Role', description: 'What someone does in the follow-up work.' });

export { Role };
