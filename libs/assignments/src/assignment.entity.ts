import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { AssignmentRole, Cadence } from '@dondoc/directives';

import { AssignmentStatus } from './assignment-status.js';
import type { TimelinessFacts } from './timeliness.js';

/**
 * A task given to one organization. `version` counts every change, so a write based on a
 * stale read is refused (optimistic locking) instead of silently overwriting another's.
 */
@Entity('assignments')
export class Assignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  taskId: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  /** The assignee's tree path, copied here so scoped lists are one indexed condition. */
  @Column({ type: 'ltree' })
  organizationPath: string;

  /** The body that gave the work (the document's owner, or the delegating organization). */
  @Column({ type: 'uuid' })
  assignedByOrganizationId: string;

  @Column({ type: 'uuid', nullable: true })
  parentAssignmentId: string | null;

  @Column({ type: 'text' })
  role: AssignmentRole;

  @Column({ type: 'text', default: AssignmentStatus.NOT_STARTED })
  status: AssignmentStatus;

  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  /** The first due date; extensions never move it. */
  @Column({ type: 'date', nullable: true })
  baselineDueDate: string | null;

  @Column({ type: 'text', default: Cadence.NONE })
  cadence: Cadence;

  @Column({ type: 'int', default: 0 })
  percentComplete: number;

  /** Share in the parent's roll-up; equal shares when no child has one. */
  @Column({
    type: 'numeric',
    nullable: true,
    transformer: { to: (v) => v, from: (v) => (v === null ? null : Number(v)) },
  })
  weight: number | null;

  @Column({ type: 'date', nullable: true })
  completedOn: string | null;

  @Column({ type: 'date', nullable: true })
  completionRequestedOn: string | null;

  @Column({ type: 'text', nullable: true })
  completionSummary: string | null;

  /** For continuous work: the due day of the next report not yet in. */
  @Column({ type: 'date', nullable: true })
  nextReportDue: string | null;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export function timelinessFactsOf(assignment: Assignment): TimelinessFacts {
  return {
    status: assignment.status,
    dueDate: assignment.dueDate,
    baselineDueDate: assignment.baselineDueDate,
    completedOn: assignment.completedOn,
    completionRequestedOn: assignment.completionRequestedOn,
    nextReportDue: assignment.nextReportDue,
  };
}
