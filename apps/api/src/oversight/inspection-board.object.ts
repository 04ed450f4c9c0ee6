import { Field, Int, ObjectType } from '@nestjs/graphql';

import { AssignmentObject } from '../assignments/assignment.object.js';
import { OrganizationObject } from '../organizations/organization.object.js';

@ObjectType('InspectionBoardItem')
export class InspectionBoardItemObject {
  @Field(() => AssignmentObject) assignment: AssignmentObject;
  @Field(() => Int, { description: 'Calendar days past the due date; 0 for at-risk (DUE_SOON) items.' })
  daysOverdue: number;
  @Field(() => Int, {
    description:
      '0 none, 1 reminded or notified as overdue, 2 escalated (overdue past an escalation threshold).',
  })
  escalationLevel: number;
  @Field({ description: 'NONE, OPEN or RESOLVED: the latest inspection.' }) inspectionStatus: string;
}

@ObjectType('InspectionBoardGroup')
export class InspectionBoardGroupObject {
  @Field(() => OrganizationObject) organization: OrganizationObject;
  @Field(() => Int) overdue: number;
  @Field(() => Int) atRisk: number;
  @Field(() => [InspectionBoardItemObject]) items: InspectionBoardItemObject[];
}

@ObjectType('InspectionBoard', {
  description: "The inspectors' board: overdue and at-risk work by organization, most overdue first.",
})
export class InspectionBoardObject {
  @Field() asOf: Date;
  @Field(() => [InspectionBoardGroupObject]) groups: InspectionBoardGroupObject[];
}
