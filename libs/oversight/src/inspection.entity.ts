import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum InspectionSeverity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

export enum InspectionStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}

/**
 * An inspector's finding (kết luận kiểm tra) on an assignment: the remedy required and the
 * day to check it, open until resolved with a note. `version` counts every change.
 */
@Entity('inspections')
export class Inspection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  assignmentId: string;

  /** The assignment's document, copied for the document filter. */
  @Column({ type: 'uuid' })
  documentId: string;

  /** The assignee body, copied from the assignment when recorded. */
  @Column({ type: 'uuid' })
  organizationId: string;

  /** The assignee's tree path, copied so scoped lists are one indexed condition. */
  @Column({ type: 'ltree' })
  organizationPath: string;

  @Column({ type: 'uuid' })
  inspectorId: string;

  @Column({ type: 'text' })
  finding: string;

  @Column({ type: 'text' })
  severity: InspectionSeverity;

  @Column({ type: 'text' })
  remedy: string;

  @Column({ type: 'date' })
  followUpDate: string;

  @Column({ type: 'text', default: InspectionStatus.OPEN })
  status: InspectionStatus;

  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedById: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
