import { Field, ObjectType } from '@nestjs/graphql';

import { Role } from './role-enum.js';

@ObjectType('RolePermissions', { description: "What one role may do; the console's canAccess reads this." })
export class RolePermissionsObject {
  @Field(() => Role)
  role: Role;

  @Field(() => [String])
  permissions: string[];
}
