import { type AccessScope, isUuid, scopeIncludesPath } from '@dondoc/organizations';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

import type { DirectiveDocument } from './document.entity.js';
import { documentOwnerScopeCondition } from './document-write-scope.js';
import type { Task } from './task.entity.js';

/**
 * Who reads what of a confidential directive (văn bản mật). One rule, in one place:
 *
 * - its CONTENT (title, text, outline, recipients, signer, file; every task's text) is read by
 *   administrators and by the SUPERVISORs whose write scope covers the owning body — the
 *   owner's Standing Committee and office, the same bodies that may change it
 *   (`documentOwnerScopeCondition`);
 * - a TASK's text is read, in addition, by the people of a body that holds an assignment of
 *   that task (a delegation gives the delegate one too), whatever their role: each sees its
 *   own tasks, not the document's other tasks, not the document's text (which holds them
 *   all). A body above the assignee (its province's committee, say) is not the assignee;
 * - everyone else — inspectors and viewers of the owning province included — reads the record
 *   with its text replaced by a placeholder ("Nhiệm vụ theo văn bản mật số …"); ids, numbers,
 *   counts, dates and statuses stay.
 *
 * A `Caller` is a `ContentReader` as it is.
 */
export interface ContentReader {
  readonly scope: AccessScope;
  readonly organizationId: string;
  readonly roles: readonly string[];
  readonly locale?: string | null;
}

/** Reads everything: jobs acting for the system, never a signed-in person. */
export const SYSTEM_READER: ContentReader = {
  scope: { kind: 'all' },
  organizationId: '00000000-0000-0000-0000-000000000000',
  roles: ['ADMIN'],
};

function isAdmin(reader: ContentReader): boolean {
  return reader.roles.includes('ADMIN');
}

function isSupervisor(reader: ContentReader): boolean {
  return isAdmin(reader) || reader.roles.includes('SUPERVISOR');
}

/** May the reader read the content of this document (for a document row in hand). */
export function readsDocumentContent(
  reader: ContentReader,
  document: { confidential: boolean; ownerPath: string },
): boolean {
  if (!document.confidential || isAdmin(reader)) return true;
  return isSupervisor(reader) && scopeIncludesPath(reader.scope, document.ownerPath);
}

/** The same rule in SQL, for the document row `alias` (needs `confidential` and `owner_path`). */
export function documentContentCondition(alias: string, reader: ContentReader) {
  if (isAdmin(reader)) return { sql: 'TRUE', parameters: {} };
  if (!isSupervisor(reader)) return { sql: `(NOT ${alias}.confidential)`, parameters: {} };
  const owner = documentOwnerScopeCondition(alias, reader.scope);
  return { sql: `(NOT ${alias}.confidential OR ${owner.sql})`, parameters: owner.parameters };
}

/**
 * In SQL: may the reader read the text of the task `taskId` (an SQL expression: `t.id`,
 * `a.task_id`) of document `documentAlias` (joined): the document's content, or an assignment
 * of that task to the reader's own body.
 */
export function taskContentCondition(taskId: string, documentAlias: string, reader: ContentReader) {
  const document = documentContentCondition(documentAlias, reader);
  if (document.sql === 'TRUE') return document;
  return {
    sql: `(${document.sql} OR EXISTS (
            SELECT 1 FROM assignments content_assignment
             WHERE content_assignment.task_id = ${taskId}
               AND content_assignment.organization_id = :contentReaderOrganization))`,
    parameters: { ...document.parameters, contentReaderOrganization: asUuid(reader.organizationId) },
  };
}

/** What stands in for the text of a confidential document or task the reader may not read. */
export function confidentialPlaceholder(
  number: string | null,
  locale: string | null | undefined,
  of: 'task' | 'document' = 'task',
): string {
  const no = number ?? '…';
  if (locale === 'en') {
    return of === 'task' ? `Task of confidential document no. ${no}` : `Confidential document no. ${no}`;
  }
  return of === 'task' ? `Nhiệm vụ theo văn bản mật số ${no}` : `Văn bản mật số ${no}`;
}

/**
 * Of these tasks, those whose text the reader may not read, with their document's number
 * (one query; nothing is asked when none of them belongs to a confidential document).
 */
export async function hiddenTasks(
  manager: EntityManager,
  reader: ContentReader,
  taskIds: readonly string[],
): Promise<Map<string, string | null>> {
  if (taskIds.length === 0 || isAdmin(reader)) return new Map();
  const readable = taskContentCondition('t.id', 'd', reader);
  const rows = (await manager
    .createQueryBuilder()
    .select('t.id', 'id')
    .addSelect('d.number', 'number')
    .from('tasks', 't')
    .innerJoin('documents', 'd', 'd.id = t.document_id')
    .where('t.id = ANY(:hiddenTaskIds::uuid[])', { hiddenTaskIds: [...taskIds] })
    .andWhere('d.confidential')
    .andWhere(`NOT ${readable.sql}`, readable.parameters)
    .getRawMany()) as { id: string; number: string | null }[];
  return new Map(rows.map((row) => [row.id, row.number]));
}

/**
 * The document as the reader may see it: its content replaced when it is confidential and
 * the reader is not cleared; number, type, issuer, place, date, status and dates stay.
 */
export function redactDocument(reader: ContentReader, document: DirectiveDocument): DirectiveDocument {
  if (readsDocumentContent(reader, document)) return document;
  return Object.assign(Object.create(Object.getPrototypeOf(document) as object) as DirectiveDocument, {
    ...document,
    title: confidentialPlaceholder(document.number, reader.locale, 'document'),
    text: confidentialPlaceholder(document.number, reader.locale, 'document'),
    signer: null,
    recipients: [],
    outline: { ...document.outline, sections: [], tasksSection: null, references: [], footnotes: [] },
    fileName: null,
    fileData: null,
  });
}

/**
 * In SQL, for a row that has a task id and a document id (an assignment, a report's
 * assignment): true when its task's text is hidden from the reader. Read as a column of the
 * row's own query, so hiding costs no statement of its own.
 */
export function assignmentHiddenSql(taskId: string, documentId: string, reader: ContentReader) {
  if (isAdmin(reader)) return { sql: 'FALSE', parameters: {} };
  const readable = taskContentCondition(taskId, 'hidden_document', reader);
  return {
    sql: `EXISTS (SELECT 1 FROM documents hidden_document
                   WHERE hidden_document.id = ${documentId} AND hidden_document.confidential
                     AND NOT ${readable.sql})`,
    parameters: readable.parameters,
  };
}

/**
 * Runs an entity query with a computed `content_hidden` column (and any extra columns) and
 * gives the entities with the raw row of each, by id: how a service reads the flag and the
 * rows in one statement.
 */
export async function withContentFlag<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  alias: string,
  hidden: { sql: string; parameters: ObjectLiteral },
  extra: Record<string, string> = {},
): Promise<{ entity: T; hidden: boolean; raw: Record<string, unknown> }[]> {
  query.addSelect(hidden.sql, 'content_hidden').setParameters(hidden.parameters);
  for (const [name, sql] of Object.entries(extra)) query.addSelect(sql, name);
  const { entities, raw } = (await query.getRawAndEntities()) as {
    entities: T[];
    raw: Record<string, unknown>[];
  };
  const byId = new Map(raw.map((row) => [String(row[`${alias}_id`]), row]));
  return entities.map((entity) => {
    const row = byId.get(entity.id) ?? {};
    return { entity, hidden: row.content_hidden === true, raw: row };
  });
}

/** A task as shown to whom may not read it: the placeholder, its number, kind and dates. */
export function redactTask(task: Task, documentNumber: string | null, locale?: string | null): Task {
  return Object.assign(Object.create(Object.getPrototypeOf(task) as object) as Task, {
    ...task,
    text: confidentialPlaceholder(documentNumber, locale),
    spanStart: null,
    spanEnd: null,
    actions: [],
    references: [],
  });
}

function asUuid(text: string): string {
  return isUuid(text) ? text : '00000000-0000-0000-0000-000000000000';
}
