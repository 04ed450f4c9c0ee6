import { Column, Entity, PrimaryColumn } from 'typeorm';

import { Cadence } from './cadence.js';

export enum AssignmentRole {
  LEAD = 'LEAD',
  COORDINATE = 'COORDINATE',
}

/** A body the reader proposes for a task, with the phrase that justified it. */
@Entity('task_suggestions')
export class TaskSuggestion {
  @PrimaryColumn({ type: 'uuid' })
  taskId: string;

  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  role: AssignmentRole;

  @Column({ type: 'text' })
  reason: string;
}

/** Who a draft task will be assigned to on publishing: starts as the suggestions, edited by the office. */
@Entity('task_assignees')
export class TaskAssignee {
  @PrimaryColumn({ type: 'uuid' })
  taskId: string;

  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  role: AssignmentRole;

  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'text', default: Cadence.NONE })
  cadence: Cadence;
}
