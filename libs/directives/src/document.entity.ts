import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export enum DocumentStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}

/** What the reader found beside the tasks: kept as read, for the console to show. */
export interface DocumentOutlineData {
  partyHeader?: string | null;
  stateHeader?: string | null;
  superiorIssuer?: string | null;
  sections: { number: string; heading: string }[];
  tasksSection: { number: string; heading: string } | null;
  references: unknown[];
  footnotes: unknown[];
}

/**
 * A directive, report or plan whose tasks are followed up. Imported as a DRAFT (editable),
 * then PUBLISHED (its tasks become assignments). Owned by the body that imported it: its
 * jurisdiction sees it; assignees see it through their assignments.
 */
@Entity('documents')
export class DirectiveDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', default: DocumentStatus.DRAFT })
  status: DocumentStatus;

  @Column({ type: 'text', nullable: true })
  number: string | null;

  @Column({ type: 'text', nullable: true })
  type: string | null;

  @Column({ type: 'text', nullable: true })
  issuer: string | null;

  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Column({ type: 'date', nullable: true })
  date: string | null;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'jsonb', nullable: true })
  signer: { onBehalfOf: string | null; position: string | null; name: string | null } | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  recipients: { text: string; purpose: string | null }[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  outline: DocumentOutlineData;

  /** The normalised text; task spans are offsets into it. */
  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', nullable: true })
  fileName: string | null;

  /** The original file as uploaded; read only on download. */
  @Column({ type: 'bytea', nullable: true, select: false })
  fileData: Buffer | null;

  /**
   * A confidential directive (văn bản mật): its content is read only by those
   * `confidential-redaction.ts` clears; everyone else reads a placeholder.
   */
  @Column({ type: 'boolean', default: false })
  confidential: boolean;

  @Column({ type: 'uuid' })
  ownerOrganizationId: string;

  @Column({ type: 'ltree' })
  ownerPath: string;

  /** Day of a period's last month on which its figures are cut off (Decree 09/2019: the 14th). */
  @Column({ type: 'int', default: 14 })
  reportCutoffDay: number;

  /** Day of a period's last month on which its report is due. */
  @Column({ type: 'int', default: 20 })
  reportDueDay: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
