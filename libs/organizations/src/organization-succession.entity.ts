import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum SuccessionKind {
  MERGER = 'MERGER',
  SPLIT = 'SPLIT',
}

/** A reorganization: `predecessorId` was merged into or split into `successorId` on a date. */
@Entity('organization_successions')
export class OrganizationSuccession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  predecessorId: string;

  @Column({ type: 'uuid' })
  successorId: string;

  @Column({ type: 'text' })
  kind: SuccessionKind;

  @Column({ type: 'date' })
  effectiveDate: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
