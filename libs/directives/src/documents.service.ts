import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository, type SelectQueryBuilder } from 'typeorm';

import { type AuditActor, AuditTrail } from '@dondoc/audit';
import type { Task as ReadTask } from '@dondoc/ingestion';
import { type AccessScope, containsPattern, isUuid, OrganizationsService } from '@dondoc/organizations';
import { badInput, type ListParams, notFound, page, resolveListParams } from '@dondoc/platform';

import { cadenceFromReading } from './cadence.js';
import {
  type ContentReader,
  documentContentCondition,
  readsDocumentContent,
  redactDocument,
} from './confidential-redaction.js';
import { DOCUMENT } from './directive.errors.js';
import { documentScopeCondition } from './document-scope.js';
import { lockOwnedDocument } from './document-write-scope.js';
import { DocumentLink } from './document-link.entity.js';
import { DocumentReader, type DocumentUpload } from './document-reader.js';
import { DirectiveDocument, DocumentStatus } from './document.entity.js';
import { AssignmentRole, TaskAssignee, TaskSuggestion } from './task-assignee.entity.js';
import { Task, TaskKind } from './task.entity.js';

export interface DocumentFilter {
  ids?: string[] | null;
  q?: string | null;
  status?: DocumentStatus | null;
}

const SORTABLE: Record<string, string> = {
  id: 'd.id',
  date: 'd.date',
  number: 'd.number',
  title: 'd.title',
  status: 'd.status',
  createdAt: 'd.created_at',
};

/** Documents: read and stored as drafts with their tasks and suggestions; listed by scope. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectRepository(DirectiveDocument) private readonly documents: Repository<DirectiveDocument>,
    private readonly dataSource: DataSource,
    private readonly reader: DocumentReader,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Stores a document as a DRAFT owned by the caller's body: its outline, original file,
   * tasks, the bodies suggested for each (resolved against the organization table) and an
   * initial assignee plan from those suggestions, which the office then edits.
   */
  async import(
    upload: DocumentUpload,
    owner: { organizationId: string; userId: string | null; scope: AccessScope },
    actor: AuditActor,
    options: { confidential?: boolean | null } = {},
  ) {
    // Suggestions come from the importer's jurisdiction: a province does not assign another's bodies.
    const { outline, fileName, fileData } = await this.reader.read(upload, owner.scope);
    const ownerOrganization = await this.organizations.findById(owner.organizationId);
    if (!ownerOrganization) throw notFound({ en: 'Organization', vi: 'cơ quan' }, owner.organizationId);
    const organizations = await this.organizations.findAll(owner.scope);
    const idOfKey = new Map(organizations.map((o) => [o.key ?? o.id, o.id]));

    return this.dataSource.transaction(async (manager) => {
      const documents = manager.getRepository(DirectiveDocument);
      const header = outline.header;
      const document = await documents.save(
        documents.create({
          status: DocumentStatus.DRAFT,
          number: header.number,
          type: header.type,
          issuer: header.issuer,
          place: header.place,
          date: header.date,
          title: header.title,
          signer: header.signer,
          recipients: header.recipients,
          outline: {
            partyHeader: header.partyHeader,
            stateHeader: header.stateHeader,
            superiorIssuer: header.superiorIssuer,
            sections: outline.sections.map((section) => ({
              number: section.number ?? '',
              heading: section.heading,
            })),
            tasksSection: outline.tasksSection
              ? { number: outline.tasksSection.number ?? '', heading: outline.tasksSection.heading }
              : null,
            references: outline.references,
            footnotes: outline.footnotes,
          },
          text: outline.text,
          fileName,
          fileData,
          ownerOrganizationId: ownerOrganization.id,
          ownerPath: ownerOrganization.path,
          confidential: options.confidential ?? false,
          createdBy: owner.userId,
        }),
      );
      const counter = { position: 0 };
      for (const task of outline.tasks) {
        await this.insertTask(manager, document.id, null, task, idOfKey, counter);
      }
      await this.linkCitations(manager, document, outline.references);
      await this.audit.record(manager, {
        ...actor,
        action: 'document.imported',
        entityType: 'document',
        entityId: document.id,
        after: {
          number: document.number,
          title: document.title,
          tasks: counter.position,
          confidential: document.confidential,
        },
        subjectOrganizationIds: [document.ownerOrganizationId],
      });
      return document;
    });
  }

  /**
   * Changes what the office may change after import: the title as it should read, and the
   * reporting deadlines of its assignments (cut-off and due day of a period's last month).
   */
  async update(
    scope: AccessScope,
    id: string,
    changes: { title?: string | null; reportCutoffDay?: number; reportDueDay?: number },
    actor: AuditActor,
  ): Promise<DirectiveDocument> {
    return this.dataSource.transaction(async (manager) => {
      // Changing a document is its owner's (or a body above it): seeing it is not enough.
      const document = await lockOwnedDocument(manager, scope, id);
      const before = {
        title: document.title,
        reportCutoffDay: document.reportCutoffDay,
        reportDueDay: document.reportDueDay,
      };
      if (changes.title !== undefined) document.title = changes.title?.trim() || null;
      if (changes.reportCutoffDay !== undefined) document.reportCutoffDay = changes.reportCutoffDay;
      if (changes.reportDueDay !== undefined) document.reportDueDay = changes.reportDueDay;
      for (const [field, day] of [
        ['reportCutoffDay', document.reportCutoffDay],
        ['reportDueDay', document.reportDueDay],
      ] as const) {
        if (!Number.isInteger(day) || day < 1 || day > 28) {
          throw badInput(field, {
            en: `${field} must be a day from 1 to 28`,
            vi: `${field} phải là ngày từ 1 đến 28`,
          });
        }
      }
      if (document.reportDueDay < document.reportCutoffDay) {
        throw badInput('reportDueDay', {
          en: 'The report cannot be due before its figures are cut off',
          vi: 'Hạn gửi báo cáo không thể trước ngày chốt số liệu',
        });
      }
      const saved = await manager.getRepository(DirectiveDocument).save(document);
      await this.audit.record(manager, {
        ...actor,
        action: 'document.updated',
        entityType: 'document',
        entityId: id,
        before,
        after: {
          title: saved.title,
          reportCutoffDay: saved.reportCutoffDay,
          reportDueDay: saved.reportDueDay,
        },
        subjectOrganizationIds: [saved.ownerOrganizationId],
      });
      return saved;
    });
  }

  /**
   * Marks a document confidential (văn bản mật) or lifts the mark: its owner's business (a
   * supervisor or administrator whose write scope covers it), audited with before and after.
   */
  async setConfidential(
    scope: AccessScope,
    id: string,
    confidential: boolean,
    actor: AuditActor,
  ): Promise<DirectiveDocument> {
    return this.dataSource.transaction(async (manager) => {
      const document = await lockOwnedDocument(manager, scope, id);
      const before = { confidential: document.confidential };
      if (document.confidential === confidential) return document;
      document.confidential = confidential;
      const saved = await manager.getRepository(DirectiveDocument).save(document);
      await this.audit.record(manager, {
        ...actor,
        action: confidential ? 'document.marked_confidential' : 'document.unmarked_confidential',
        entityType: 'document',
        entityId: id,
        before,
        after: { confidential: saved.confidential },
        subjectOrganizationIds: [document.ownerOrganizationId],
      });
      return saved;
    });
  }

  /** Documents in the reader's scope, a confidential one's content replaced unless cleared. */
  async list(
    reader: ContentReader,
    filter: DocumentFilter,
    params: ListParams,
  ): Promise<DirectiveDocument[]> {
    const list = resolveListParams(params, SORTABLE, { sortField: 'createdAt', sortOrder: 'DESC' });
    const found = await page(this.filtered(reader, filter), list, 'd.id');
    return found.map((document) => redactDocument(reader, document));
  }

  count(reader: ContentReader, filter: DocumentFilter): Promise<number> {
    return this.filtered(reader, filter).getCount();
  }

  async get(reader: ContentReader, id: string): Promise<DirectiveDocument> {
    const found = await this.filtered(reader, { ids: [id] }).getOne();
    if (!found) throw notFound(DOCUMENT, id);
    return redactDocument(reader, found);
  }

  async findByIds(reader: ContentReader, ids: readonly string[]): Promise<DirectiveDocument[]> {
    if (ids.length === 0) return [];
    const found = await this.filtered(reader, { ids: [...ids] }).getMany();
    return found.map((document) => redactDocument(reader, document));
  }

  /** The original file, for download (none for a confidential document the reader may not read). */
  async file(reader: ContentReader, id: string): Promise<{ fileName: string | null; data: Buffer | null }> {
    const document = await this.filtered(reader, { ids: [id] }).getOne();
    if (!document) throw notFound(DOCUMENT, id);
    if (!readsDocumentContent(reader, document)) return { fileName: null, data: null };
    const row = await this.documents
      .createQueryBuilder('d')
      .addSelect('d.fileData')
      .where('d.id = :id', { id })
      .getOneOrFail();
    return { fileName: row.fileName, data: row.fileData };
  }

  /** Documents linked by citation to this one, both ways, that the caller may see. */
  async linked(
    reader: ContentReader,
    id: string,
  ): Promise<{ cites: DirectiveDocument[]; citedBy: DirectiveDocument[] }> {
    const links = await this.dataSource.getRepository(DocumentLink).find({
      where: [{ citingDocumentId: id }, { citedDocumentId: id }],
    });
    const visible = new Map(
      (
        await this.findByIds(
          reader,
          links.map((link) => (link.citingDocumentId === id ? link.citedDocumentId : link.citingDocumentId)),
        )
      ).map((document) => [document.id, document]),
    );
    return {
      cites: links
        .filter((l) => l.citingDocumentId === id)
        .flatMap((l) => visible.get(l.citedDocumentId) ?? []),
      citedBy: links
        .filter((l) => l.citedDocumentId === id)
        .flatMap((l) => visible.get(l.citingDocumentId) ?? []),
    };
  }

  private async insertTask(
    manager: EntityManager,
    documentId: string,
    parentId: string | null,
    task: ReadTask,
    idOfKey: Map<string, string>,
    counter: { position: number },
  ): Promise<void> {
    const tasks = manager.getRepository(Task);
    const suggestions = resolveSuggestions(task, idOfKey);
    const leads = suggestions.filter((s) => s.role === AssignmentRole.LEAD).length;
    const saved = await tasks.save(
      tasks.create({
        documentId,
        parentId,
        number: task.number,
        position: counter.position++,
        text: task.text,
        // Several bodies each named as lead ("the Front and the organizations shall…") share the task.
        kind: leads > 1 ? TaskKind.SHARED : TaskKind.JOINT,
        cadence: cadenceFromReading(task.cadence),
        dueDate: task.dueDate,
        spanStart: task.span.start,
        spanEnd: task.span.end,
        actions: task.actions,
        references: task.references.map((r) => ({
          type: r.type,
          number: r.number,
          date: r.date,
          text: r.text,
        })),
      }),
    );
    if (suggestions.length > 0) {
      await manager
        .getRepository(TaskSuggestion)
        .insert(suggestions.map((s) => ({ ...s, taskId: saved.id })));
      await manager.getRepository(TaskAssignee).insert(
        suggestions.map((s) => ({
          taskId: saved.id,
          organizationId: s.organizationId,
          role: s.role,
          dueDate: saved.dueDate,
          cadence: saved.cadence,
        })),
      );
    }
    for (const child of task.children) {
      await this.insertTask(manager, documentId, saved.id, child, idOfKey, counter);
    }
  }

  /** Links this document to the documents it cites that are here, and to those here that cite it. */
  private async linkCitations(
    manager: EntityManager,
    document: DirectiveDocument,
    references: { number: string | null }[],
  ): Promise<void> {
    const numbers = [...new Set(references.map((r) => r.number).filter((n): n is string => Boolean(n)))];
    if (numbers.length > 0) {
      await manager.query(
        `INSERT INTO document_links (citing_document_id, cited_document_id, reference)
         SELECT $1, d.id, d.number FROM documents d WHERE d.number = ANY($2::text[]) AND d.id <> $1
         ON CONFLICT DO NOTHING`,
        [document.id, numbers],
      );
    }
    if (document.number) {
      await manager.query(
        `INSERT INTO document_links (citing_document_id, cited_document_id, reference)
         SELECT d.id, $1, $2 FROM documents d
          WHERE d.id <> $1 AND d.outline -> 'references' @> jsonb_build_array(jsonb_build_object('number', $2::text))
         ON CONFLICT DO NOTHING`,
        [document.id, document.number],
      );
    }
  }

  private filtered(reader: ContentReader, filter: DocumentFilter): SelectQueryBuilder<DirectiveDocument> {
    const condition = documentScopeCondition('d', reader.scope);
    const query = this.documents.createQueryBuilder('d').where(condition.sql, condition.parameters);
    if (filter.ids) query.andWhere('d.id = ANY(:ids::uuid[])', { ids: filter.ids.filter(isUuid) });
    if (filter.q?.trim()) {
      // A confidential document's title is no search key for whom may not read it: only its number is.
      const content = documentContentCondition('d', reader);
      query.andWhere(
        `d.search_text LIKE :q ESCAPE '\\'
          AND (${content.sql} OR search_fold(coalesce(d.number, '')) LIKE :q ESCAPE '\\')`,
        { ...content.parameters, q: containsPattern(filter.q) },
      );
    }
    if (filter.status) query.andWhere('d.status = :status', { status: filter.status });
    return query;
  }
}

interface ResolvedSuggestion {
  organizationId: string;
  role: AssignmentRole;
  reason: string;
}

/** The reader's suggestions as organization ids; one per body, a lead role winning over coordination. */
function resolveSuggestions(task: ReadTask, idOfKey: Map<string, string>): ResolvedSuggestion[] {
  const byOrganization = new Map<string, ResolvedSuggestion>();
  for (const suggestion of task.suggestedAssignees) {
    const organizationId = idOfKey.get(suggestion.organization.key);
    if (!organizationId) continue;
    const role = suggestion.role === 'LEAD' ? AssignmentRole.LEAD : AssignmentRole.COORDINATE;
    const reason = suggestion.group ? `${suggestion.reason} (${suggestion.group})` : suggestion.reason;
    const existing = byOrganization.get(organizationId);
    if (!existing || (existing.role === AssignmentRole.COORDINATE && role === AssignmentRole.LEAD)) {
      byOrganization.set(organizationId, { organizationId, role, reason });
    }
  }
  return [...byOrganization.values()];
}
