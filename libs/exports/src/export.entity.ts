import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

import type { AccessScope } from '@dondoc/organizations';

export enum ExportFormat {
  DOCX = 'DOCX',
  XLSX = 'XLSX',
  CSV = 'CSV',
}

export enum ExportStatus {
  PENDING = 'PENDING',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/**
 * One file somebody asked for. The worker fills `content`; only the person who asked may
 * read the row or download the file. `scope` and `asOf` are the caller's at the request, so
 * the file shows what they could see when they asked, whoever makes it and whenever.
 */
@Entity('exports')
export class ExportRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  requestedBy: string;

  @Column({ type: 'uuid' })
  requesterOrganizationId: string;

  @Column({ type: 'jsonb' })
  scope: AccessScope;

  @Column({ type: 'uuid', nullable: true })
  documentId: string | null;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'text' })
  format: ExportFormat;

  @Column({ type: 'text', default: ExportStatus.PENDING })
  status: ExportStatus;

  @Column({ type: 'timestamptz' })
  asOf: Date;

  @Column({ type: 'text', nullable: true })
  fileName: string | null;

  /** The file itself; never loaded with the row (only the download reads it). */
  @Column({ type: 'bytea', nullable: true, select: false })
  content: Buffer | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** How many times the worker has started making the file. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @VersionColumn()
  version: number;
}

/** The MIME type and extension of each format. */
export const FORMAT_FILE: Readonly<Record<ExportFormat, { extension: string; contentType: string }>> = {
  [ExportFormat.DOCX]: {
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  [ExportFormat.XLSX]: {
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  [ExportFormat.CSV]: { extension: 'csv', contentType: 'text/csv; charset=utf-8' },
};
