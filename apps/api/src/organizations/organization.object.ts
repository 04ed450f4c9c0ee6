import { Field, ID, ObjectType } from '@nestjs/graphql';

import type { Organization } from '@dondoc/organizations';

import { CalendarDate } from '../common/calendar-date.scalar.js';
import { OrganizationKind, OrganizationLevel } from './organization-enums.js';

@ObjectType('Organization', { description: 'A body that gives or receives work; organizations form a tree.' })
export class OrganizationObject {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  shortName: string | null;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field(() => OrganizationLevel)
  level: OrganizationLevel;

  /** Resolved by OrganizationsResolver.parent (through the request's loader). */
  parentId: string | null;

  @Field(() => [String], {
    description: 'Other names the body goes by in documents; matched without diacritics.',
  })
  aliases: string[];

  @Field()
  active: boolean;

  @Field(() => CalendarDate, {
    nullable: true,
    description: 'The day the body ceased (merged into or split into others); then it is inactive.',
  })
  dissolvedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Stable key of a seeded body (kt.pn…).' })
  key: string | null;

  @Field()
  createdAt: Date;
}

export function toOrganizationObject(organization: Organization): OrganizationObject {
  return {
    id: organization.id,
    name: organization.name,
    shortName: organization.shortName,
    kind: organization.kind,
    level: organization.level,
    parentId: organization.parentId,
    aliases: organization.aliases,
    active: organization.active,
    dissolvedOn: organization.dissolvedOn,
    key: organization.key,
    createdAt: organization.createdAt,
  };
}
