import { Field, ID, ObjectType } from '@nestjs/graphql';

import type { ExtensionRequest } from '@dondoc/assignments';

import { CalendarDate } from '../common/calendar-date.scalar.js';
import { ExtensionStatus } from '../common/domain-enums.js';

@ObjectType('ExtensionRequest', { description: 'An assignee asks for a later due date.' })
export class ExtensionRequestObject {
  @Field(() => ID) id: string;
  @Field(() => CalendarDate) proposedDueDate: string;
  @Field(() => CalendarDate, { nullable: true }) previousDueDate: string | null;
  @Field() reason: string;
  @Field(() => ExtensionStatus) status: ExtensionStatus;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field() createdAt: Date;
  assignmentId: string;
}

export function toExtensionRequestObject(request: ExtensionRequest): ExtensionRequestObject {
  return {
    id: request.id,
    proposedDueDate: request.proposedDueDate,
    previousDueDate: request.previousDueDate,
    reason: request.reason,
    status: request.status,
    comment: request.comment,
    decidedAt: request.decidedAt,
    createdAt: request.createdAt,
    assignmentId: request.assignmentId,
  };
}
