import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import type { Task } from '@dondoc/directives';

import { CalendarDate } from '../common/calendar-date.scalar.js';
import { AssignmentRole, Cadence, TaskKind } from '../common/domain-enums.js';
import { JsonScalar } from '../common/json.scalar.js';
import { OrganizationObject } from '../organizations/organization.object.js';

@ObjectType('TaskSuggestion', {
  description: 'A body the reader proposed, with the phrase that justified it.',
})
export class TaskSuggestionObject {
  @Field(() => OrganizationObject, { nullable: true }) organization: OrganizationObject | null;
  @Field(() => AssignmentRole) role: AssignmentRole;
  @Field() reason: string;
}

@ObjectType('PlannedAssignee', {
  description: 'Who a draft task will be assigned to when the document is published.',
})
export class PlannedAssigneeObject {
  @Field(() => OrganizationObject, { nullable: true }) organization: OrganizationObject | null;
  @Field(() => AssignmentRole) role: AssignmentRole;
  @Field(() => CalendarDate, { nullable: true }) dueDate: string | null;
  @Field(() => Cadence) cadence: Cadence;
}

@ObjectType('Task', { description: "One item of a document's tasks section." })
export class TaskObject {
  @Field(() => ID) id: string;
  @Field({ description: '1, 1.1, 2… as numbered in the document.' }) number: string;
  @Field() text: string;
  @Field(() => TaskKind) kind: TaskKind;
  @Field(() => Cadence) cadence: Cadence;
  @Field(() => CalendarDate, { nullable: true }) dueDate: string | null;
  @Field(() => Int, { nullable: true, description: 'Where the task starts in the document text.' })
  spanStart: number | null;
  @Field(() => Int, { nullable: true }) spanEnd: number | null;
  @Field(() => [String], { description: 'The task split into its actions.' }) actions: string[];
  @Field(() => JsonScalar, { description: 'Documents the task cites.' }) references: unknown;
  @Field(() => Int) position: number;
  documentId: string;
  parentId: string | null;
}

export function toTaskObject(task: Task): TaskObject {
  return {
    id: task.id,
    number: task.number,
    text: task.text,
    kind: task.kind,
    cadence: task.cadence,
    dueDate: task.dueDate,
    spanStart: task.spanStart,
    spanEnd: task.spanEnd,
    actions: task.actions,
    references: task.references,
    position: task.position,
    documentId: task.documentId,
    parentId: task.parentId,
  };
}
