import { type AccessScope, isUuid, scopeIncludesPath } from '@dondoc/organizations';
import type { EntityManager } from 'typeorm';

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
 * In SQL: may the reader read the text of task `taskAlias`, of document `documentAlias`
 * (joined): the document's content, or an assignment of that task to the reader's own body.
 */
export function taskContentCondition(taskAlias: string, documentAlias: string, reader: ContentReader) {
  const document = documentContentCondition(documentAlias, reader);
  if (document.sql === 'TRUE') return document;
  return {
    sql: `(${document.sql} OR EXISTS (
            SELECT 1 FROM assignments content_assignment
             WHERE content_assignment.task_id = ${taskAlias}.id
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
  const readable = taskContentCondition('t', 'd', reader);
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
 * Of these assignments, those whose task text the reader may not read: what their people
 * wrote about it (reports, completion summaries, reasons) is withheld from that reader too.
 */
export async function hiddenAssignments(
  manager: EntityManager,
  reader: ContentReader,
  assignmentIds: readonly string[],
): Promise<Set<string>> {
  if (assignmentIds.length === 0 || isAdmin(reader)) return new Set();
  const readable = taskContentCondition('t', 'd', reader);
  const rows = (await manager
    .createQueryBuilder()
    .select('a.id', 'id')
    .from('assignments', 'a')
    .innerJoin('tasks', 't', 't.id = a.task_id')
    .innerJoin('documents', 'd', 'd.id = a.document_id')
    .where('a.id = ANY(:hiddenAssignmentIds::uuid[])', { hiddenAssignmentIds: [...assignmentIds] })
    .andWhere('d.confidential')
    .andWhere(`NOT ${readable.sql}`, readable.parameters)
    .getRawMany()) as { id: string }[];
  return new Set(rows.map((row) => row.id));
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

/** The tasks as the reader may see them: one query, then the hidden ones' text replaced. */
export async function redactTasks(
  manager: EntityManager,
  reader: ContentReader,
  tasks: Task[],
): Promise<Task[]> {
  const hidden = await hiddenTasks(
    manager,
    reader,
    tasks.map((task) => task.id),
  );
  if (hidden.size === 0) return tasks;
  return tasks.map((task) =>
    hidden.has(task.id)
      ? Object.assign(Object.create(Object.getPrototypeOf(task) as object) as Task, {
          ...task,
          text: confidentialPlaceholder(hidden.get(task.id) ?? null, reader.locale),
          spanStart: null,
          spanEnd: null,
          actions: [],
          references: [],
        })
      : task,
  );
}

function asUuid(text: string): string {
  return isUuid(text) ? text : '00000000-0000-0000-0000-000000000000';
}
