import {
  type AssignmentRole,
  assignmentHiddenSql,
  type Cadence,
  type ContentReader,
  type DirectiveDocument,
  type DocumentStatus,
  redactDocument,
  redactTask,
  type Task,
  type TaskKind,
} from '@dondoc/directives';
import {
  type Organization,
  type OrganizationKind,
  type OrganizationLevel,
  scopeCondition,
} from '@dondoc/organizations';
import type { ListParams } from '@dondoc/platform';

import { type AssignmentFilter, type AssignmentQuery, withholdAssigneeWriting } from './assignment-query.js';
import type { AssignmentStatus } from './assignment-status.js';
import type { Assignment } from './assignment.entity.js';

/** Which relations of each row the page reads with it (what the request selects). */
export interface PageRelations {
  task?: boolean;
  document?: boolean;
  /** With `document`: also its text and outline (large; only when the request shows them). */
  documentContent?: boolean;
  organization?: boolean;
  assignedBy?: boolean;
}

/**
 * One row of the page and the relations asked for, each exactly as the per-request loaders
 * would give it to this reader: `null` when the reader may not see it, `undefined` when it
 * was not read (then the loaders fetch it as before).
 */
export interface AssignmentPageRow {
  assignment: Assignment;
  task?: Task | null;
  document?: DirectiveDocument | null;
  organization?: Organization | null;
  assignedBy?: Organization | null;
}

type Row = Record<string, unknown>;

/**
 * The assignment list page and its task, document and organizations in ONE statement, the
 * rows mapped to plain objects (no entity hydration): the list page is the most frequent
 * read, and per relation a batch query and TypeORM's hydration cost more than the page.
 *
 * Authorization is the loaders', condition for condition:
 * - the assignment's own rows and the flag that withholds what its assignee wrote about a
 *   task the reader may not read: `AssignmentQuery` (scope, `assignmentHiddenSql`), as `list`;
 * - the task: `TasksService.findByIds` shows the tasks of documents in the reader's document
 *   scope, redacted when `NOT taskContentCondition`. The document scope holds for every row
 *   here: a row is an assignment of that document to a body in the reader's scope, which is
 *   what `documentScopeCondition`'s EXISTS asks. The hidden flag is `assignmentHiddenSql` of
 *   the task and the task's own document: true exactly when that document is confidential and
 *   `taskContentCondition` fails, i.e. the tasks service's flag;
 * - the document: in scope for the same reason; redacted by `redactDocument`, the function
 *   `DocumentsService.findByIds` uses;
 * - the assignee and the assigning body: `OrganizationsService.findByIds` shows bodies whose
 *   path is in scope, the same `scopeCondition` as a condition of the join (so a body out of
 *   sight reads null, as from the loader).
 * test/e2e/assignment-page.e2e-spec.ts compares every role's page with the loaders' answer.
 */
export async function readAssignmentPage(
  assignments: AssignmentQuery,
  reader: ContentReader,
  filter: AssignmentFilter,
  params: ListParams,
  relations: PageRelations,
): Promise<AssignmentPageRow[]> {
  const query = assignments.pageQuery(reader, filter, params);
  const hidden = assignmentHiddenSql('a.task_id', 'a.document_id', reader);
  query.select(ASSIGNMENT_COLUMNS[0][1], ASSIGNMENT_COLUMNS[0][0]);
  for (const [alias, sql] of ASSIGNMENT_COLUMNS.slice(1)) query.addSelect(sql, alias);
  query.addSelect(hidden.sql, 'a_hidden').setParameters(hidden.parameters);
  if (relations.task) {
    const taskHidden = assignmentHiddenSql('t.id', 't.document_id', reader);
    query.leftJoin('tasks', 't', 't.id = a.task_id');
    for (const [alias, sql] of TASK_COLUMNS) query.addSelect(sql, alias);
    query.addSelect(taskHidden.sql, 't_hidden').setParameters(taskHidden.parameters);
    // The placeholder names the task's document by number, as the tasks service does.
    query.addSelect('(SELECT td.number FROM documents td WHERE td.id = t.document_id)', 't_document_number');
  }
  if (relations.document) {
    query.leftJoin('documents', 'd', 'd.id = a.document_id');
    for (const [alias, sql] of DOCUMENT_COLUMNS) query.addSelect(sql, alias);
    if (relations.documentContent) query.addSelect('d.text', 'd_text').addSelect('d.outline', 'd_outline');
  }
  if (relations.organization) joinOrganization(query, reader, 'o', 'a.organization_id');
  if (relations.assignedBy) joinOrganization(query, reader, 'b', 'a.assigned_by_organization_id');

  const rows = (await query.getRawMany()) as Row[];
  return rows.map((row) => {
    const result: AssignmentPageRow = { assignment: assignmentOf(row) };
    if (relations.task) result.task = taskOf(row, reader);
    if (relations.document) result.document = documentOf(row, reader, relations.documentContent === true);
    if (relations.organization) result.organization = organizationOf(row, 'o');
    if (relations.assignedBy) result.assignedBy = organizationOf(row, 'b');
    return result;
  });
}

function joinOrganization(
  query: ReturnType<AssignmentQuery['pageQuery']>,
  reader: ContentReader,
  alias: 'o' | 'b',
  idColumn: string,
): void {
  const scope = scopeCondition(`${alias}.path`, reader.scope);
  query.leftJoin('organizations', alias, `${alias}.id = ${idColumn} AND ${scope.sql}`, scope.parameters);
  for (const [name, sql] of ORGANIZATION_COLUMNS) query.addSelect(`${alias}.${sql}`, `${alias}_${name}`);
}

const ASSIGNMENT_COLUMNS: [string, string][] = [
  ['a_id', 'a.id'],
  ['a_task_id', 'a.task_id'],
  ['a_document_id', 'a.document_id'],
  ['a_organization_id', 'a.organization_id'],
  ['a_organization_path', 'a.organization_path'],
  ['a_assigned_by', 'a.assigned_by_organization_id'],
  ['a_parent_id', 'a.parent_assignment_id'],
  ['a_role', 'a.role'],
  ['a_status', 'a.status'],
  ['a_due_date', 'a.due_date'],
  ['a_baseline_due_date', 'a.baseline_due_date'],
  ['a_cadence', 'a.cadence'],
  ['a_percent_complete', 'a.percent_complete'],
  ['a_weight', 'a.weight'],
  ['a_completed_on', 'a.completed_on'],
  ['a_completion_requested_on', 'a.completion_requested_on'],
  ['a_completion_summary', 'a.completion_summary'],
  ['a_next_report_due', 'a.next_report_due'],
  ['a_cancel_reason', 'a.cancel_reason'],
  ['a_version', 'a.version'],
  ['a_created_at', 'a.created_at'],
  ['a_updated_at', 'a.updated_at'],
];

const TASK_COLUMNS: [string, string][] = [
  ['t_id', 't.id'],
  ['t_document_id', 't.document_id'],
  ['t_parent_id', 't.parent_id'],
  ['t_number', 't.number'],
  ['t_position', 't.position'],
  ['t_text', 't.text'],
  ['t_kind', 't.kind'],
  ['t_cadence', 't.cadence'],
  ['t_due_date', 't.due_date'],
  ['t_span_start', 't.span_start'],
  ['t_span_end', 't.span_end'],
  ['t_actions', 't.actions'],
  ['t_references', 't."references"'],
  ['t_created_at', 't.created_at'],
  ['t_updated_at', 't.updated_at'],
];

const DOCUMENT_COLUMNS: [string, string][] = [
  ['d_id', 'd.id'],
  ['d_status', 'd.status'],
  ['d_number', 'd.number'],
  ['d_type', 'd.type'],
  ['d_issuer', 'd.issuer'],
  ['d_place', 'd.place'],
  ['d_date', 'd.date'],
  ['d_title', 'd.title'],
  ['d_signer', 'd.signer'],
  ['d_recipients', 'd.recipients'],
  ['d_file_name', 'd.file_name'],
  ['d_confidential', 'd.confidential'],
  ['d_owner_organization_id', 'd.owner_organization_id'],
  ['d_owner_path', 'd.owner_path'],
  ['d_report_cutoff_day', 'd.report_cutoff_day'],
  ['d_report_due_day', 'd.report_due_day'],
  ['d_created_by', 'd.created_by'],
  ['d_published_at', 'd.published_at'],
  ['d_version', 'd.version'],
  ['d_created_at', 'd.created_at'],
  ['d_updated_at', 'd.updated_at'],
];

const ORGANIZATION_COLUMNS: [string, string][] = [
  ['id', 'id'],
  ['key', 'key'],
  ['name', 'name'],
  ['short_name', 'short_name'],
  ['kind', 'kind'],
  ['level', 'level'],
  ['parent_id', 'parent_id'],
  ['path', 'path'],
  ['aliases', 'aliases'],
  ['active', 'active'],
  ['dissolved_on', 'dissolved_on'],
  ['created_at', 'created_at'],
  ['updated_at', 'updated_at'],
];

/** As `AssignmentQuery`'s reads give it: what the assignee wrote withheld when the task is hidden. */
function assignmentOf(row: Row): Assignment {
  const assignment: Assignment = {
    id: row.a_id as string,
    taskId: row.a_task_id as string,
    documentId: row.a_document_id as string,
    organizationId: row.a_organization_id as string,
    organizationPath: row.a_organization_path as string,
    assignedByOrganizationId: row.a_assigned_by as string,
    parentAssignmentId: row.a_parent_id as string | null,
    role: row.a_role as AssignmentRole,
    status: row.a_status as AssignmentStatus,
    dueDate: row.a_due_date as string | null,
    baselineDueDate: row.a_baseline_due_date as string | null,
    cadence: row.a_cadence as Cadence,
    percentComplete: row.a_percent_complete as number,
    // numeric arrives as text; the entity's transformer makes it a number.
    weight: row.a_weight === null ? null : Number(row.a_weight),
    completedOn: row.a_completed_on as string | null,
    completionRequestedOn: row.a_completion_requested_on as string | null,
    completionSummary: row.a_completion_summary as string | null,
    nextReportDue: row.a_next_report_due as string | null,
    cancelReason: row.a_cancel_reason as string | null,
    version: row.a_version as number,
    createdAt: row.a_created_at as Date,
    updatedAt: row.a_updated_at as Date,
  };
  return row.a_hidden === true ? withholdAssigneeWriting(assignment) : assignment;
}

function taskOf(row: Row, reader: ContentReader): Task | null {
  if (row.t_id === null) return null;
  const task: Task = {
    id: row.t_id as string,
    documentId: row.t_document_id as string,
    parentId: row.t_parent_id as string | null,
    number: row.t_number as string,
    position: row.t_position as number,
    text: row.t_text as string,
    kind: row.t_kind as TaskKind,
    cadence: row.t_cadence as Cadence,
    dueDate: row.t_due_date as string | null,
    spanStart: row.t_span_start as number | null,
    spanEnd: row.t_span_end as number | null,
    actions: row.t_actions as string[],
    references: row.t_references as Task['references'],
    createdAt: row.t_created_at as Date,
    updatedAt: row.t_updated_at as Date,
  };
  return row.t_hidden === true
    ? redactTask(task, (row.t_document_number as string | null) ?? null, reader.locale)
    : task;
}

/** Without `content`, text and outline are left empty: the request does not show them. */
function documentOf(row: Row, reader: ContentReader, content: boolean): DirectiveDocument | null {
  if (row.d_id === null) return null;
  const document: DirectiveDocument = {
    id: row.d_id as string,
    status: row.d_status as DocumentStatus,
    number: row.d_number as string | null,
    type: row.d_type as string | null,
    issuer: row.d_issuer as string | null,
    place: row.d_place as string | null,
    date: row.d_date as string | null,
    title: row.d_title as string | null,
    signer: row.d_signer as DirectiveDocument['signer'],
    recipients: row.d_recipients as DirectiveDocument['recipients'],
    outline: content
      ? (row.d_outline as DirectiveDocument['outline'])
      : { sections: [], tasksSection: null, references: [], footnotes: [] },
    text: content ? (row.d_text as string) : '',
    fileName: row.d_file_name as string | null,
    fileData: null,
    confidential: row.d_confidential as boolean,
    ownerOrganizationId: row.d_owner_organization_id as string,
    ownerPath: row.d_owner_path as string,
    reportCutoffDay: row.d_report_cutoff_day as number,
    reportDueDay: row.d_report_due_day as number,
    createdBy: row.d_created_by as string | null,
    publishedAt: row.d_published_at as Date | null,
    version: row.d_version as number,
    createdAt: row.d_created_at as Date,
    updatedAt: row.d_updated_at as Date,
  };
  return redactDocument(reader, document);
}

function organizationOf(row: Row, alias: 'o' | 'b'): Organization | null {
  if (row[`${alias}_id`] === null) return null;
  return {
    id: row[`${alias}_id`] as string,
    key: row[`${alias}_key`] as string | null,
    name: row[`${alias}_name`] as string,
    shortName: row[`${alias}_short_name`] as string | null,
    kind: row[`${alias}_kind`] as OrganizationKind,
    level: row[`${alias}_level`] as OrganizationLevel,
    parentId: row[`${alias}_parent_id`] as string | null,
    path: row[`${alias}_path`] as string,
    aliases: row[`${alias}_aliases`] as string[],
    active: row[`${alias}_active`] as boolean,
    dissolvedOn: row[`${alias}_dissolved_on`] as string | null,
    createdAt: row[`${alias}_created_at`] as Date,
    updatedAt: row[`${alias}_updated_at`] as Date,
  };
}
