import { Field, ID, ObjectType } from '@nestjs/graphql';

import type { User } from '@dondoc/identity';

import { Role } from './role-enum.js';

@ObjectType('User', { description: 'A person who signs in.' })
export class UserObject {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  /** Resolved by UsersResolver.organization. */
  organizationId: string;

  @Field(() => [Role])
  roles: Role[];

  @Field({ description: 'vi or en.' })
  locale: string;

  @Field()
  active: boolean;

  @Field()
  createdAt: Date;
}

export function toUserObject(user: User): UserObject {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    organizationId: user.organizationId,
    roles: user.roles,
    locale: user.locale,
    active: user.active,
    createdAt: user.createdAt,
  };
}
