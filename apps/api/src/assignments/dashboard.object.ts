import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString } from 'class-validator';

import { Timeliness } from '../common/domain-enums.js';
import { TEXT_LIMITS } from '@dondoc/platform';

import { BoundedText } from '../common/bounded-text.js';
import { OrganizationObject } from '../organizations/organization.object.js';

@InputType('DashboardFilter')
export class DashboardFilterInput {
  @Field(() => ID, { nullable: true, description: 'One document only.' })
  @IsOptional()
  @IsString()
  documentId?: string;
  @Field(() => ID, {
    nullable: true,
    description: 'This body and everything under it, with the history of the bodies it took over from.',
  })
  @IsOptional()
  @IsString()
  organizationId?: string;
  @BoundedText(TEXT_LIMITS.code, {
    nullable: true,
    description: 'current (default): against the due dates as extended; baseline: against the first ones.',
  })
  @IsIn(['current', 'baseline'])
  against?: 'current' | 'baseline';
}

@ObjectType('TimelinessCount')
export class TimelinessCount {
  @Field(() => Timeliness) timeliness: Timeliness;
  @Field(() => Int) count: number;
}

@ObjectType('OrganizationTimeliness')
export class OrganizationTimeliness {
  @Field(() => OrganizationObject, { nullable: true }) organization: OrganizationObject | null;
  @Field(() => Int) total: number;
  @Field(() => Int) onTrack: number;
  @Field(() => Int) dueSoon: number;
  @Field(() => Int) overdue: number;
  @Field(() => Int) completedOnTime: number;
  @Field(() => Int) completedLate: number;
  @Field(() => Int) cancelled: number;
}

@ObjectType('Dashboard', {
  description: "Exact counts by timeliness and by organization, for the caller's scope.",
})
export class DashboardObject {
  @Field(() => Int) total: number;
  @Field(() => [TimelinessCount]) byTimeliness: TimelinessCount[];
  @Field(() => [OrganizationTimeliness]) byOrganization: OrganizationTimeliness[];
  @Field() asOf: Date;
}
