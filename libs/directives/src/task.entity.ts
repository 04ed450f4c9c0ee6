import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { Cadence } from './cadence.js';

/**
 * JOINT: exactly one lead and any coordinators (Decree 39/2022: one accountable lead).
 * SHARED: several bodies, each leading its own part.
 */
export enum TaskKind {
  JOINT = 'JOINT',
  SHARED = 'SHARED',
}

export interface TaskReference {
  type: string | null;
  number: string | null;
  date: string | null;
  text: string;
}

/** One item of a document's tasks section. */
@Entity('tasks')
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  /** Its number in the document: "1", "1.1", "2"… */
  @Column({ type: 'text' })
  number: string;

  /** Reading order within the document. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', default: TaskKind.JOINT })
  kind: TaskKind;

  @Column({ type: 'text', default: Cadence.NONE })
  cadence: Cadence;

  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'int', nullable: true })
  spanStart: number | null;

  @Column({ type: 'int', nullable: true })
  spanEnd: number | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  actions: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  references: TaskReference[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
