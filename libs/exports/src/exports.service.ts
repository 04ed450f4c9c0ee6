import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';

import { AuditTrail, type AuditActor } from '@dondoc/audit';
import { DocumentsService } from '@dondoc/directives';
import { type AccessScope, isUuid, OrganizationsService } from '@dondoc/organizations';
import { Clock, notFound, Outbox } from '@dondoc/platform';

import { ExportFormat, ExportRecord, ExportStatus, FORMAT_FILE } from './export.entity.js';
import { EXPORT, notReady, unknownFormat } from './exports.errors.js';

/** The outbox topic the worker makes files for. */
export const EXPORT_REQUESTED = 'export.requested';

export interface ExportRequester {
  userId: string;
  organizationId: string;
  scope: AccessScope;
  audit: AuditActor;
}

export interface ExportInput {
  documentId?: string | null;
  organizationId?: string | null;
  format: ExportFormat;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/**
 * Asking for an export and reading it back. The request is a row (PENDING) and an outbox
 * job in one transaction; the worker makes the file (`ExportGenerator`). An export belongs
 * to whoever asked: anyone else is told it does not exist.
 */
@Injectable()
export class ExportsService {
  constructor(
    @InjectRepository(ExportRecord) private readonly exports: Repository<ExportRecord>,
    private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async request(requester: ExportRequester, input: ExportInput): Promise<ExportRecord> {
    if (!Object.values(ExportFormat).includes(input.format)) throw unknownFormat(String(input.format));
    // What the caller may not read cannot be exported: the same "not found" as a read.
    if (input.documentId) {
      const reader = { scope: requester.scope, organizationId: requester.organizationId, roles: [] };
      await this.documents.get(reader, input.documentId);
    }
    if (input.organizationId) await this.organizations.get(requester.scope, input.organizationId);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ExportRecord);
      const saved = await repository.save(
        repository.create({
          requestedBy: requester.userId,
          requesterOrganizationId: requester.organizationId,
          scope: requester.scope,
          documentId: input.documentId ?? null,
          organizationId: input.organizationId ?? null,
          format: input.format,
          status: ExportStatus.PENDING,
          asOf: this.clock.now(),
        }),
      );
      await this.audit.record(manager, {
        ...requester.audit,
        action: EXPORT_REQUESTED,
        entityType: 'export',
        entityId: saved.id,
        after: { format: saved.format, documentId: saved.documentId, organizationId: saved.organizationId },
        // An export is its requester's record, as its reads are.
        subjectOrganizationIds: [saved.requesterOrganizationId],
      });
      await this.outbox.add(manager, [{ topic: EXPORT_REQUESTED, subject: saved.id }]);
      return saved;
    });
  }

  /** The caller's own export; another's is not found. */
  async get(userId: string, id: string): Promise<ExportRecord> {
    const found = isUuid(id) ? await this.exports.findOne({ where: { id, requestedBy: userId } }) : null;
    if (!found) throw notFound(EXPORT, id);
    return found;
  }

  /** The file of the caller's own finished export. */
  async file(userId: string, id: string): Promise<ExportFile> {
    const found = await this.get(userId, id);
    if (found.status !== ExportStatus.DONE) throw notReady(id, found.status);
    const row = await this.exports
      .createQueryBuilder('e')
      .addSelect('e.content')
      .where('e.id = :id', { id })
      .getOneOrFail();
    return {
      fileName: row.fileName ?? `${row.id}.${FORMAT_FILE[row.format].extension}`,
      contentType: FORMAT_FILE[row.format].contentType,
      content: row.content!,
    };
  }
}
