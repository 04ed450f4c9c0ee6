import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import {
  type Assignment,
  type AssignmentPageRow,
  daysOverdue,
  timelinessFactsOf,
  timelinessOf,
} from '@dondoc/assignments';

import { CalendarDate } from '../common/calendar-date.scalar.js';
import { AssignmentRole, AssignmentStatus, Cadence, Timeliness } from '../common/domain-enums.js';

@ObjectType('Assignment', { description: 'A task given to one organization.' })
export class AssignmentObject {
  @Field(() => ID) id: string;
  @Field(() => AssignmentRole) role: AssignmentRole;
  @Field(() => AssignmentStatus) status: AssignmentStatus;
  @Field(() => Timeliness, { description: 'As of today in Asia/Ho_Chi_Minh.' }) timeliness: Timeliness;
  @Field(() => Int, { description: 'Whole days past the due date (0 unless OVERDUE).' }) daysOverdue: number;
  @Field(() => CalendarDate, {
    nullable: true,
    description: 'The current due date; none for continuous work.',
  })
  dueDate: string | null;
  @Field(() => CalendarDate, { nullable: true, description: 'The first due date; extensions never move it.' })
  baselineDueDate: string | null;
  @Field(() => Cadence) cadence: Cadence;
  @Field(() => Int) percentComplete: number;
  @Field(() => Int, { description: 'Send it back as expectedVersion: a stale one is refused.' })
  version: number;
  @Field(() => CalendarDate, { nullable: true }) completedOn: string | null;
  @Field(() => CalendarDate, { nullable: true }) completionRequestedOn: string | null;
  @Field(() => String, { nullable: true }) completionSummary: string | null;
  @Field(() => CalendarDate, { nullable: true, description: 'Continuous work: when the next report is due.' })
  nextReportDue: string | null;
  @Field(() => String, { nullable: true }) cancelReason: string | null;
  @Field(() => Number, { nullable: true, description: "Share in the parent's roll-up." }) weight:
    number | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  taskId: string;
  documentId: string;
  organizationId: string;
  assignedByOrganizationId: string;
  parentAssignmentId: string | null;
  /**
   * Relations read in the page's own statement (`readAssignmentPage`), already as this caller
   * may see them; the field resolvers use them instead of the loaders. Absent: not read.
   */
  joined?: Omit<AssignmentPageRow, 'assignment'>;
}

export function toAssignmentObject(assignment: Assignment, today: string): AssignmentObject {
  const facts = timelinessFactsOf(assignment);
  return {
    id: assignment.id,
    role: assignment.role,
    status: assignment.status,
    timeliness: timelinessOf(facts, { today }),
    daysOverdue: daysOverdue(facts, { today }),
    dueDate: assignment.dueDate,
    baselineDueDate: assignment.baselineDueDate,
    cadence: assignment.cadence,
    percentComplete: assignment.percentComplete,
    version: assignment.version,
    completedOn: assignment.completedOn,
    completionRequestedOn: assignment.completionRequestedOn,
    completionSummary: assignment.completionSummary,
    nextReportDue: assignment.nextReportDue,
    cancelReason: assignment.cancelReason,
    weight: assignment.weight,
    createdAt: assignment.createdAt,
    updatedAt: assignment.updatedAt,
    taskId: assignment.taskId,
    documentId: assignment.documentId,
    organizationId: assignment.organizationId,
    assignedByOrganizationId: assignment.assignedByOrganizationId,
    parentAssignmentId: assignment.parentAssignmentId,
  };
}
