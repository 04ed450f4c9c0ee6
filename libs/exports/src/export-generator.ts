import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AuditTrail, SYSTEM_ACTOR } from '@dondoc/audit';
import { calendarDayOf } from '@dondoc/platform';

import { ExportFormat, type ExportRecord, ExportStatus } from './export.entity.js';
import { exportFileName } from './export-file-name.js';
import type { ReportData } from './report-data.js';
import { ReportDataService } from './report-data.service.js';

type Writer = (data: ReportData) => Promise<Buffer> | Buffer;

/**
 * The writers, loaded when a file is first made: docx and exceljs weigh tens of megabytes
 * of memory, and the API, which uses this lib only to request and serve exports, never
 * loads them.
 */
const WRITERS: Readonly<Record<ExportFormat, () => Promise<Writer>>> = {
  [ExportFormat.DOCX]: async () => (await import('./docx-writer.js')).writeDocx,
  [ExportFormat.XLSX]: async () => (await import('./xlsx-writer.js')).writeXlsx,
  [ExportFormat.CSV]: async () => (await import('./csv-writer.js')).writeCsv,
};

/**
 * Makes the file of an export, for the worker. Idempotent: a DONE or FAILED export is left
 * as it is; a PENDING one is claimed (RUNNING) in one statement; a RUNNING one is taken
 * again, because only a worker that stopped mid-way (the job is retried when its lock
 * lapses) leaves one behind. The data is read with the requester's scope and as of the
 * moment they asked, so the worker's own clock does not matter. A failure is recorded on the
 * row (FAILED, with the error's text) rather than retried: the same data would fail again.
 */
@Injectable()
export class ExportGenerator {
  private readonly logger = new Logger(ExportGenerator.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly reportData: ReportDataService,
    private readonly audit: AuditTrail,
  ) {}

  async generate(id: string): Promise<ExportStatus | null> {
    const claimed = await this.claim(id);
    if (!claimed) {
      const [row] = (await this.dataSource.query('SELECT status FROM exports WHERE id = $1', [id])) as {
        status: ExportStatus;
      }[];
      return row?.status ?? null;
    }
    try {
      const requester = await this.requesterOf(claimed.requestedBy);
      const data = await this.reportData.gather({
        scope: claimed.scope,
        requesterOrganizationId: claimed.requesterOrganizationId,
        requesterRoles: requester.roles,
        locale: requester.locale,
        documentId: claimed.documentId,
        organizationId: claimed.organizationId,
        asOf: claimed.asOf,
      });
      const write = await WRITERS[claimed.format]();
      const content = await write(data);
      const fileName = exportFileName(
        claimed.format,
        data.document?.number ?? null,
        calendarDayOf(claimed.asOf),
      );
      await this.finish(id, ExportStatus.DONE, { fileName, content, error: null });
      return ExportStatus.DONE;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`export ${id} failed: ${message}`);
      await this.finish(id, ExportStatus.FAILED, { fileName: null, content: null, error: message });
      return ExportStatus.FAILED;
    }
  }

  private async claim(id: string): Promise<ExportRecord | null> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE exports SET status = 'RUNNING', started_at = now(), attempts = attempts + 1, version = version + 1
          WHERE id = $1 AND status IN ('PENDING', 'RUNNING')
          RETURNING id, scope, requested_by AS "requestedBy", requester_organization_id AS "requesterOrganizationId",
                    document_id AS "documentId", organization_id AS "organizationId", format, as_of AS "asOf", attempts`,
        [id],
      )) as [(ExportRecord & { attempts: number })[], number];
      const row = rows[0];
      if (!row) return null;
      await this.audit.record(manager, {
        ...SYSTEM_ACTOR,
        action: 'export.started',
        entityType: 'export',
        entityId: id,
        after: { status: ExportStatus.RUNNING, attempt: row.attempts },
        subjectOrganizationIds: [row.requesterOrganizationId],
      });
      return { ...row, asOf: new Date(row.asOf) };
    });
  }

  /** The requester's roles and language now (none for a user gone: the narrowest reading). */
  private async requesterOf(userId: string | null): Promise<{ roles: string[]; locale: string | null }> {
    const [row] = (await this.dataSource.query('SELECT roles, locale FROM users WHERE id = $1', [
      userId ?? '00000000-0000-0000-0000-000000000000',
    ])) as { roles: string[]; locale: string | null }[];
    return row ?? { roles: [], locale: null };
  }

  private async finish(
    id: string,
    status: ExportStatus.DONE | ExportStatus.FAILED,
    result: { fileName: string | null; content: Buffer | null; error: string | null },
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE exports SET status = $2, file_name = $3, content = $4, error = $5, finished_at = now(),
                version = version + 1
          WHERE id = $1 AND status = 'RUNNING'`,
        [id, status, result.fileName, result.content, result.error],
      );
      const [{ requesterOrganizationId }] = (await manager.query(
        'SELECT requester_organization_id AS "requesterOrganizationId" FROM exports WHERE id = $1',
        [id],
      )) as [{ requesterOrganizationId: string }];
      await this.audit.record(manager, {
        ...SYSTEM_ACTOR,
        action: status === ExportStatus.DONE ? 'export.finished' : 'export.failed',
        entityType: 'export',
        entityId: id,
        after: { status, fileName: result.fileName, bytes: result.content?.length ?? 0, error: result.error },
        subjectOrganizationIds: [requesterOrganizationId],
      });
    });
  }
}
