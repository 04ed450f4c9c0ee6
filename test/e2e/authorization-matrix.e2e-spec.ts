import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLField, GraphQLSchema } from 'graphql';

import { ExportFormat, ExportsService } from '@dondoc/exports';
import { isPermission, Permission, permissionsOf } from '@dondoc/identity';
import { NotificationKind, NotificationsService } from '@dondoc/notifications';
import type { Organization } from '@dondoc/organizations';
import { addDays, calendarDayOf } from '@dondoc/platform';
import { bootApi, Given, graphql, type RunningApi, Role, signIn, TEST_PASSWORD } from '@dondoc/test-support';
import { DataSource } from 'typeorm';

/**
 * Every operation of the schema × every role (and no sign-in at all) × a record of the
 * caller's own body and one of another body, against one expected-outcome rule built from
 * the policy (ROLE_PERMISSIONS) and row scope. A new operation without a case here fails
 * the first test, so nothing slips through untested.
 *
 * Outcomes are what authorization decides: ALLOWED (the operation ran, whatever the domain
 * then answered — a conflict on a report already accepted is still "allowed"), HIDDEN (the
 * record is out of sight: not found, or left out of a list), FORBIDDEN, UNAUTHENTICATED.
 *
 * Some actors are neither simply inside nor outside a side (issue 14): a body that works on
 * another body's document sees it without owning it. Those carry a `Standing`, and their
 * expected outcome comes from the right each operation needs (`RIGHTS`, `byStanding`).
 */
type Outcome = 'ALLOWED' | 'HIDDEN' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'BROKEN';

const SEED = readFileSync(
  join(process.cwd(), 'libs/ingestion/test-documents/seed/kon-tum-410-BC-TU-2019.txt'),
  'utf8',
);

/** One body's records: what "own" or "other" means for a caller. */
interface Side {
  name: string;
  organization: Organization;
  childOrganizationId: string;
  userId: string;
  officer: Session;
  supervisor: Session;
  documentId: string;
  taskId: string;
  draftTaskId: string;
  assignmentId: string;
  reportId: string;
  extensionId: string;
  /** An OPEN inspection finding on the side's assignment. */
  inspectionId: string;
  /** A document whose one assignment (to the side's body) is due soon: on the inspectors' board. */
  boardDocumentId: string;
  /** That assignment, never cancelled: where fresh inspections are recorded. */
  boardAssignmentId: string;
  /**
   * Only on a side seen through an assignment (an assignee's work on another body's document):
   * no draft of that document is ever in sight (a draft has no assignments yet), so the draft
   * cases use its published document and task, and test that ownership is checked first.
   */
  draft?: { documentId: string; taskId: string };
}

interface Actor {
  label: string;
  role: Role | null;
  headers: Record<string, string>;
  email: string;
  own: Side;
  other: Side;
  /**
   * How the actor stands to each side's records, for the actors that broke the plain
   * own / other rule (issue 14): their body works on a document it does not own. Their
   * outcomes follow `RIGHTS` and `byStanding`; without it, the plain rule of `expected`.
   */
  standing?: Record<'own' | 'other', Standing>;
}

/** What an actor may do to one side's records, record by record. */
interface Standing {
  /** The side's organization and people: in the actor's jurisdiction or not. */
  body: 'in' | 'out';
  /** The side's published document (and its board document): owned, seen through an assignment, or unseen. */
  document: 'owned' | 'seen' | 'unseen';
  /** The document the draft cases use (see `Side.draft`). */
  draft: 'owned' | 'seen' | 'unseen';
  /** The side's assignment: the actor's body (or one under it) holds it, assigned it, or it is out of sight. */
  assignment: 'assignee' | 'assigner' | 'unseen';
}

type Session = Awaited<ReturnType<typeof signIn>>;
type Call = { query: string; variables?: Record<string, unknown> };

interface OperationCase {
  /** What a caller allowed to use the operation meets on another body's record. */
  outOfScope: 'HIDDEN' | 'ALLOWED';
  /**
   * false where even an administrator meets `outOfScope` on the other side: records that
   * belong to one person, not to a body (a notification is only ever its recipient's).
   */
  adminSeesAll?: false;
  call(side: Side, actor: Actor): Call | Promise<Call>;
  isEmpty?(data: Record<string, unknown>): boolean;
}

const argument = (filter: string) => (filter === 'ids' ? '[$id]' : '$id');
const uid = () => Math.random().toString(36).slice(2, 10);
const empty = (field: string) => (data: Record<string, unknown>) => (data[field] as unknown[]).length === 0;
const zero = (field: string) => (data: Record<string, unknown>) =>
  (data[field] as { count: number }).count === 0;
const byId = (operation: string, fields: string, id: (side: Side) => string): OperationCase => ({
  outOfScope: 'HIDDEN',
  call: (side) => ({
    query: `query ($id: ID!) { ${operation}(id: $id) { ${fields} } }`,
    variables: { id: id(side) },
  }),
});
const list = (operation: string, filter: string, id: (side: Side) => string): OperationCase => ({
  outOfScope: 'HIDDEN',
  call: (side) => ({
    query: `query ($id: ID!) { ${operation}(filter: { ${filter}: ${argument(filter)} }) { id } }`,
    variables: { id: id(side) },
  }),
  isEmpty: empty(operation),
});
const meta = (operation: string, filter: string, id: (side: Side) => string): OperationCase => ({
  outOfScope: 'HIDDEN',
  call: (side) => ({
    query: `query ($id: ID!) { ${operation}(filter: { ${filter}: ${argument(filter)} }) { count } }`,
    variables: { id: id(side) },
  }),
  isEmpty: zero(operation),
});

let fresh: {
  draft(side: Side): Promise<{ documentId: string; taskId: string }>;
  inspection(side: Side): Promise<string>;
  refreshToken(): Promise<string>;
};

const CASES: Record<string, OperationCase> = {
  serverInfo: { outOfScope: 'ALLOWED', call: () => ({ query: '{ serverInfo { today } }' }) },
  permissionMap: { outOfScope: 'ALLOWED', call: () => ({ query: '{ permissionMap { role permissions } }' }) },
  login: {
    outOfScope: 'ALLOWED',
    call: (_, actor) => ({
      query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      variables: { e: actor.email, p: TEST_PASSWORD },
    }),
  },
  refresh: {
    outOfScope: 'ALLOWED',
    call: async () => ({
      query: 'mutation ($t: String!) { refresh(refreshToken: $t) { accessToken } }',
      variables: { t: await fresh.refreshToken() },
    }),
  },
  logout: {
    outOfScope: 'ALLOWED',
    call: async () => ({
      query: 'mutation ($t: String!) { logout(refreshToken: $t) }',
      variables: { t: await fresh.refreshToken() },
    }),
  },
  me: { outOfScope: 'ALLOWED', call: () => ({ query: '{ me { id } }' }) },

  allOrganizations: list('allOrganizations', 'ids', (s) => s.organization.id),
  _allOrganizationsMeta: meta('_allOrganizationsMeta', 'ids', (s) => s.organization.id),
  Organization: byId('Organization', 'id', (s) => s.organization.id),
  createOrganization: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query:
        'mutation ($p: ID!, $n: String!) { createOrganization(name: $n, kind: DEPARTMENT, level: PROVINCE, parentId: $p) { id } }',
      variables: { p: s.organization.id, n: `Sở thử ${uid()}` },
    }),
  },
  updateOrganization: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query: 'mutation ($id: ID!, $a: [String!]) { updateOrganization(id: $id, aliases: $a) { id } }',
      variables: { id: s.organization.id, a: s.organization.aliases },
    }),
  },
  // Refused by the domain after authorization (a body into itself, a successor under the body
  // it replaces), so the shared fixtures are never reorganized.
  mergeOrganizations: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query:
        'mutation ($id: ID!) { mergeOrganizations(input: { sourceIds: [$id], targetId: $id, effectiveDate: "2025-07-01" }) { id } }',
      variables: { id: s.organization.id },
    }),
  },
  splitOrganization: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query:
        'mutation ($id: ID!) { splitOrganization(input: { sourceId: $id, successors: [{ name: "Thử", kind: DEPARTMENT, parentId: $id }], effectiveDate: "2025-07-01" }) { id } }',
      variables: { id: s.organization.id },
    }),
  },

  allUsers: list('allUsers', 'ids', (s) => s.userId),
  _allUsersMeta: meta('_allUsersMeta', 'ids', (s) => s.userId),
  User: byId('User', 'id', (s) => s.userId),
  createUser: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query:
        'mutation ($o: ID!, $e: String!) { createUser(email: $e, name: "Thử", organizationId: $o, roles: [VIEWER], password: "a-long-password") { id } }',
      variables: { o: s.organization.id, e: `new.${uid()}@test.local` },
    }),
  },
  updateUser: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query: 'mutation ($id: ID!) { updateUser(id: $id, locale: "vi") { id } }',
      variables: { id: s.userId },
    }),
  },

  allAuditEvents: list('allAuditEvents', 'entityId', (s) => s.reportId),
  _allAuditEventsMeta: meta('_allAuditEventsMeta', 'entityId', (s) => s.reportId),
  AuditEvent: {
    outOfScope: 'HIDDEN',
    call: async (s) => ({
      query: 'query ($id: ID!) { AuditEvent(id: $id) { id } }',
      variables: { id: await auditEventOf(s) },
    }),
  },

  allDocuments: list('allDocuments', 'ids', (s) => s.documentId),
  _allDocumentsMeta: meta('_allDocumentsMeta', 'ids', (s) => s.documentId),
  Document: byId('Document', 'id', (s) => s.documentId),
  parseDocument: {
    outOfScope: 'ALLOWED',
    call: () => ({
      query: 'mutation ($i: DocumentInput!) { parseDocument(input: $i) { header { number } } }',
      variables: { i: { text: SEED } },
    }),
  },
  importDocument: {
    outOfScope: 'ALLOWED',
    call: () => ({
      query: 'mutation ($i: DocumentInput!) { importDocument(input: $i) { id } }',
      variables: { i: { text: SEED } },
    }),
  },
  updateDocument: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query: 'mutation ($id: ID!) { updateDocument(id: $id, reportCutoffDay: 14) { id } }',
      variables: { id: s.documentId },
    }),
  },
  setDocumentConfidential: {
    outOfScope: 'HIDDEN',
    // false: the document stays readable by the other cases; the owner may still ask.
    call: (s) => ({
      query: 'mutation ($id: ID!) { setDocumentConfidential(id: $id, confidential: false) { id } }',
      variables: { id: s.documentId },
    }),
  },
  publishDocument: {
    outOfScope: 'HIDDEN',
    call: async (s) => ({
      query: 'mutation ($id: ID!) { publishDocument(id: $id) { id } }',
      variables: { id: (await fresh.draft(s)).documentId },
    }),
  },

  allTasks: list('allTasks', 'ids', (s) => s.taskId),
  _allTasksMeta: meta('_allTasksMeta', 'ids', (s) => s.taskId),
  Task: byId('Task', 'id', (s) => s.taskId),
  createTask: {
    outOfScope: 'HIDDEN',
    call: async (s) => ({
      query:
        'mutation ($d: ID!) { createTask(documentId: $d, number: "9", text: "Nhiệm vụ bổ sung") { id } }',
      variables: { d: (await fresh.draft(s)).documentId },
    }),
  },
  updateTask: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query: 'mutation ($id: ID!) { updateTask(id: $id, cadence: QUARTERLY) { id } }',
      variables: { id: s.draftTaskId },
    }),
  },
  deleteTask: {
    outOfScope: 'HIDDEN',
    call: async (s) => ({
      query: 'mutation ($id: ID!) { deleteTask(id: $id) { id } }',
      variables: { id: (await fresh.draft(s)).taskId },
    }),
  },
  setTaskAssignees: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query:
        'mutation ($t: ID!, $o: ID!) { setTaskAssignees(taskId: $t, assignees: [{ organizationId: $o, role: LEAD }]) { id } }',
      variables: { t: s.draftTaskId, o: s.organization.id },
    }),
  },
  assignTask: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query: 'mutation ($i: AssignTaskInput!) { assignTask(input: $i) { id } }',
      variables: {
        i: {
          taskId: s.taskId,
          organizationIds: [s.childOrganizationId],
          role: 'COORDINATE',
          dueDate: '2027-03-31',
        },
      },
    }),
  },

  allAssignments: list('allAssignments', 'ids', (s) => s.assignmentId),
  _allAssignmentsMeta: meta('_allAssignmentsMeta', 'ids', (s) => s.assignmentId),
  Assignment: byId('Assignment', 'id', (s) => s.assignmentId),
  delegateAssignment: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query:
        'mutation ($a: ID!, $o: ID!) { delegateAssignment(assignmentId: $a, organizationIds: [$o]) { id } }',
      variables: { a: s.assignmentId, o: s.childOrganizationId },
    }),
  },
  requestCompletion: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query: 'mutation ($a: ID!) { requestCompletion(assignmentId: $a, summary: "Xong") { id } }',
      variables: { a: s.assignmentId },
    }),
  },
  decideCompletion: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query:
        'mutation ($a: ID!) { decideCompletion(assignmentId: $a, accept: false, comment: "Chưa đủ") { id } }',
      variables: { a: s.assignmentId },
    }),
  },
  cancelAssignment: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query: 'mutation ($a: ID!) { cancelAssignment(assignmentId: $a, reason: "Thử") { id } }',
      variables: { a: s.assignmentId },
    }),
  },

  allProgressReports: list('allProgressReports', 'ids', (s) => s.reportId),
  _allProgressReportsMeta: meta('_allProgressReportsMeta', 'ids', (s) => s.reportId),
  ProgressReport: byId('ProgressReport', 'id', (s) => s.reportId),
  submitProgressReport: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query: 'mutation ($i: SubmitProgressReportInput!) { submitProgressReport(input: $i) { id } }',
      variables: { i: { assignmentId: s.assignmentId, period: '2027-Q1', percentComplete: 20 } },
    }),
  },
  reviewProgressReport: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query: 'mutation ($id: ID!) { reviewProgressReport(id: $id, decision: ACCEPT) { id } }',
      variables: { id: s.reportId },
    }),
  },

  allExtensionRequests: list('allExtensionRequests', 'ids', (s) => s.extensionId),
  _allExtensionRequestsMeta: meta('_allExtensionRequestsMeta', 'ids', (s) => s.extensionId),
  ExtensionRequest: byId('ExtensionRequest', 'id', (s) => s.extensionId),
  requestExtension: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query:
        'mutation ($a: ID!) { requestExtension(assignmentId: $a, proposedDueDate: "2027-09-30", reason: "Thử") { id } }',
      variables: { a: s.assignmentId },
    }),
  },
  decideExtension: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query: 'mutation ($id: ID!) { decideExtension(id: $id, approve: false) { id } }',
      variables: { id: s.extensionId },
    }),
  },

  allInspections: list('allInspections', 'ids', (s) => s.inspectionId),
  _allInspectionsMeta: meta('_allInspectionsMeta', 'ids', (s) => s.inspectionId),
  Inspection: byId('Inspection', 'id assignment { id } inspector { id }', (s) => s.inspectionId),
  recordInspection: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query: 'mutation ($i: RecordInspectionInput!) { recordInspection(input: $i) { id status } }',
      variables: {
        i: {
          assignmentId: s.boardAssignmentId,
          finding: 'Chậm triển khai',
          severity: 'MEDIUM',
          remedy: 'Khắc phục ngay',
          followUpDate: '2099-12-31',
        },
      },
    }),
  },
  resolveInspection: {
    outOfScope: 'HIDDEN',
    call: async (s) => ({
      query: 'mutation ($id: ID!) { resolveInspection(id: $id, note: "Đã khắc phục") { id status } }',
      variables: { id: await fresh.inspection(s) },
    }),
  },
  inspectionBoard: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query:
        'query ($d: ID!) { inspectionBoard(filter: { documentId: $d }) { groups { organization { id } items { assignment { id } daysOverdue } } } }',
      variables: { d: s.boardDocumentId },
    }),
    isEmpty: (data) => (data.inspectionBoard as { groups: unknown[] }).groups.length === 0,
  },

  dashboard: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query: 'query ($d: ID!) { dashboard(filter: { documentId: $d }) { total } }',
      variables: { d: s.documentId },
    }),
    isEmpty: (data) => (data.dashboard as { total: number }).total === 0,
  },

  exportReport: {
    outOfScope: 'HIDDEN',
    call: (s) => ({
      query: 'mutation ($d: ID!) { exportReport(input: { documentId: $d, format: CSV }) { id status } }',
      variables: { d: s.documentId },
    }),
  },
  // An export is its requester's own, like a notification: nobody else reads it, admins included.
  Export: {
    outOfScope: 'HIDDEN',
    adminSeesAll: false,
    call: async (s, actor) => ({
      query: 'query ($id: ID!) { Export(id: $id) { id status format url } }',
      variables: { id: await exportOf(s, actor) },
    }),
  },

  // Notifications are a person's own: "own" is a fresh notification of the caller itself,
  // "other" one of the other side's officer, which nobody else may see or mark, admins included.
  allNotifications: {
    outOfScope: 'HIDDEN',
    adminSeesAll: false,
    call: async (s, actor) => ({
      query: 'query ($id: ID!) { allNotifications(filter: { ids: [$id] }) { id message assignment { id } } }',
      variables: { id: await notificationOf(s, actor) },
    }),
    isEmpty: empty('allNotifications'),
  },
  _allNotificationsMeta: {
    outOfScope: 'HIDDEN',
    adminSeesAll: false,
    call: async (s, actor) => ({
      query: 'query ($id: ID!) { _allNotificationsMeta(filter: { ids: [$id] }) { count } }',
      variables: { id: await notificationOf(s, actor) },
    }),
    isEmpty: zero('_allNotificationsMeta'),
  },
  Notification: {
    outOfScope: 'HIDDEN',
    adminSeesAll: false,
    call: async (s, actor) => ({
      query: 'query ($id: ID!) { Notification(id: $id) { id kind subject readAt } }',
      variables: { id: await notificationOf(s, actor) },
    }),
  },
  markNotificationsRead: {
    outOfScope: 'HIDDEN',
    adminSeesAll: false,
    call: async (s, actor) => ({
      query: 'mutation ($id: ID!) { markNotificationsRead(ids: [$id]) }',
      variables: { id: await notificationOf(s, actor) },
    }),
    isEmpty: (data) => data.markNotificationsRead === 0,
  },
  unreadNotificationsCount: {
    outOfScope: 'ALLOWED',
    call: () => ({ query: '{ unreadNotificationsCount }' }),
  },

  // E-mail that did not get through, by the recipient's body: the side's officer's.
  undeliveredEmails: {
    outOfScope: 'HIDDEN',
    call: async (s) => ({
      query: 'query ($id: ID!) { undeliveredEmails(filter: { ids: [$id] }) { id attempts lastError } }',
      variables: { id: await undeliveredEmailOf(s) },
    }),
    isEmpty: empty('undeliveredEmails'),
  },
  retryUndeliveredEmails: {
    outOfScope: 'HIDDEN',
    call: async (s) => ({
      query: 'mutation ($id: ID!) { retryUndeliveredEmails(ids: [$id]) }',
      variables: { id: await undeliveredEmailOf(s) },
    }),
    isEmpty: (data) => data.retryUndeliveredEmails === 0,
  },
};

/**
 * Which right each operation needs on a side's records, for the actors with a `Standing`:
 * - plain: nothing of a body's (sign-in, parsing, a person's own notifications and exports):
 *   the plain own / other rule;
 * - body: the side's organization, people, and audit trail (about the side's report, by its officer);
 * - seeDocument: reading a document, its tasks, its dashboard, board and export: the body that owns
 *   it, or one holding an assignment on it (how an assignee, lead or coordinator, sees its work);
 * - ownDocument / ownDraft: changing a document, its tasks and plan, publishing it, assigning its
 *   tasks: its owner's alone (FORBIDDEN when seen but not owned, HIDDEN when unseen);
 * - assignment: reading an assignment with its reports, extensions and findings, and recording
 *   or resolving a finding on it: inspection follows the assignee's body, not the document's owner;
 * - assignee: work on an assignment (reports, extensions, completion, delegation): the assignee's
 *   right, a coordinator's on its own assignment as a lead's on its own (DOMAIN.md: each assignment
 *   is one body's, reported by that body); another body's assignment stays out of sight;
 * - assigner: decisions (review, extension, completion, cancellation): the owning side's, which
 *   assigned it; the assignee seeing it is FORBIDDEN.
 * A new operation states its right here too, or the first test fails.
 */
type Right =
  'plain' | 'body' | 'seeDocument' | 'ownDocument' | 'ownDraft' | 'assignment' | 'assignee' | 'assigner';

const RIGHTS: Record<string, Right> = {
  serverInfo: 'plain',
  permissionMap: 'plain',
  login: 'plain',
  refresh: 'plain',
  logout: 'plain',
  me: 'plain',
  allOrganizations: 'body',
  _allOrganizationsMeta: 'body',
  Organization: 'body',
  createOrganization: 'body',
  updateOrganization: 'body',
  mergeOrganizations: 'body',
  splitOrganization: 'body',
  allUsers: 'body',
  _allUsersMeta: 'body',
  User: 'body',
  createUser: 'body',
  updateUser: 'body',
  allAuditEvents: 'body',
  _allAuditEventsMeta: 'body',
  AuditEvent: 'body',
  allDocuments: 'seeDocument',
  _allDocumentsMeta: 'seeDocument',
  Document: 'seeDocument',
  parseDocument: 'plain',
  importDocument: 'plain',
  updateDocument: 'ownDocument',
  setDocumentConfidential: 'ownDocument',
  publishDocument: 'ownDraft',
  allTasks: 'seeDocument',
  _allTasksMeta: 'seeDocument',
  Task: 'seeDocument',
  createTask: 'ownDraft',
  updateTask: 'ownDraft',
  deleteTask: 'ownDraft',
  setTaskAssignees: 'ownDraft',
  assignTask: 'ownDocument',
  allAssignments: 'assignment',
  _allAssignmentsMeta: 'assignment',
  Assignment: 'assignment',
  delegateAssignment: 'assignee',
  requestCompletion: 'assignee',
  decideCompletion: 'assigner',
  cancelAssignment: 'assigner',
  allProgressReports: 'assignment',
  _allProgressReportsMeta: 'assignment',
  ProgressReport: 'assignment',
  submitProgressReport: 'assignee',
  reviewProgressReport: 'assigner',
  allExtensionRequests: 'assignment',
  _allExtensionRequestsMeta: 'assignment',
  ExtensionRequest: 'assignment',
  requestExtension: 'assignee',
  decideExtension: 'assigner',
  allInspections: 'assignment',
  _allInspectionsMeta: 'assignment',
  Inspection: 'assignment',
  recordInspection: 'assignment',
  resolveInspection: 'assignment',
  inspectionBoard: 'seeDocument',
  dashboard: 'seeDocument',
  exportReport: 'seeDocument',
  Export: 'plain',
  allNotifications: 'plain',
  _allNotificationsMeta: 'plain',
  Notification: 'plain',
  markNotificationsRead: 'plain',
  unreadNotificationsCount: 'plain',
  undeliveredEmails: 'body',
  retryUndeliveredEmails: 'body',
};

const OWNERSHIP: Record<Standing['document'], Outcome> = {
  owned: 'ALLOWED',
  seen: 'FORBIDDEN',
  unseen: 'HIDDEN',
};

/** The one rule for an actor with a standing, once the role's permission is granted. */
function byStanding(right: Right, standing: Standing, plain: Outcome, operation: OperationCase): Outcome {
  switch (right) {
    case 'plain':
      return plain;
    case 'body':
      return standing.body === 'in' ? 'ALLOWED' : operation.outOfScope;
    case 'seeDocument':
      return standing.document === 'unseen' ? 'HIDDEN' : 'ALLOWED';
    case 'ownDocument':
      return OWNERSHIP[standing.document];
    case 'ownDraft':
      return OWNERSHIP[standing.draft];
    case 'assignment':
    case 'assignee':
      return standing.assignment === 'unseen' ? 'HIDDEN' : 'ALLOWED';
    case 'assigner':
      return { assigner: 'ALLOWED', assignee: 'FORBIDDEN', unseen: 'HIDDEN' }[standing.assignment] as Outcome;
  }
}

/**
 * A fresh, unread notification through the service the worker uses: the caller's own on
 * its own side, the side's officer's on the other.
 */
async function notificationOf(side: Side, actor: Actor): Promise<string> {
  let userId = side.userId;
  if (side === actor.own) {
    const [user] = await api.app
      .get(DataSource)
      .query<{ id: string }[]>('SELECT id FROM users WHERE email = $1', [actor.email]);
    userId = user!.id;
  }
  const [created] = await api.app.get(NotificationsService).notify([
    {
      kind: NotificationKind.DUE_SOON,
      key: `DUE_SOON:${side.assignmentId}:${uid()}`,
      organizationIds: [],
      userIds: [userId],
      assignmentId: side.assignmentId,
      facts: { taskText: 'Nhiệm vụ thử', organizationName: side.organization.name, dueDate: '2027-03-31' },
    },
  ]);
  return created!.id;
}

/** A fresh notification to the side's officer whose e-mail the mailer gave up on. */
async function undeliveredEmailOf(side: Side): Promise<string> {
  const [created] = await api.app.get(NotificationsService).notify([
    {
      kind: NotificationKind.DUE_SOON,
      key: `DUE_SOON:${side.assignmentId}:${uid()}`,
      organizationIds: [],
      userIds: [side.userId],
      assignmentId: side.assignmentId,
      facts: { taskText: 'Nhiệm vụ thử', organizationName: side.organization.name, dueDate: '2027-03-31' },
    },
  ]);
  await api.app.get(DataSource).query(
    `UPDATE notifications SET email_attempts = 3, email_failed_at = now(), email_last_error = '421 Thử'
      WHERE id = $1`,
    [created!.id],
  );
  return created!.id;
}

/** A fresh export asked for by the caller itself on its own side, by the side's officer on the other. */
async function exportOf(side: Side, actor: Actor): Promise<string> {
  let userId = side.userId;
  if (side === actor.own) {
    const [user] = await api.app
      .get(DataSource)
      .query<{ id: string }[]>('SELECT id FROM users WHERE email = $1', [actor.email]);
    userId = user?.id ?? side.userId;
  }
  const created = await api.app.get(ExportsService).request(
    {
      userId,
      organizationId: side.organization.id,
      scope: { kind: 'all' },
      audit: { actorId: userId, actorOrganizationId: side.organization.id, requestId: null },
    },
    { documentId: side.documentId, format: ExportFormat.CSV },
  );
  return created.id;
}

let api: RunningApi;
const auditEvents = new Map<string, string>();
async function auditEventOf(side: Side): Promise<string> {
  const cached = auditEvents.get(side.name);
  if (cached) return cached;
  const { body } = await graphql<{ allAuditEvents: { id: string }[] }>(
    api.url,
    'query ($id: ID!) { allAuditEvents(filter: { entityId: $id }) { id } }',
    { id: side.reportId },
    side.officer.headers.authorization ? { authorization: adminAuthorization } : {},
  );
  const id = body.data!.allAuditEvents[0]!.id;
  auditEvents.set(side.name, id);
  return id;
}
let adminAuthorization = '';

function rootFields(schema: GraphQLSchema): GraphQLField<unknown, unknown>[] {
  return [
    ...Object.values(schema.getQueryType()?.getFields() ?? {}),
    ...Object.values(schema.getMutationType()?.getFields() ?? {}),
  ];
}

function expected(
  actor: Actor,
  permission: Permission,
  which: 'own' | 'other',
  operation: OperationCase,
  name: string,
): Outcome {
  if (permission === Permission.PUBLIC) return 'ALLOWED';
  if (!actor.role) return 'UNAUTHENTICATED';
  if (!permissionsOf([actor.role]).has(permission)) return 'FORBIDDEN';
  const plain =
    which === 'own' || (actor.role === Role.ADMIN && operation.adminSeesAll !== false)
      ? 'ALLOWED'
      : operation.outOfScope;
  const standing = actor.standing?.[which];
  return standing ? byStanding(RIGHTS[name]!, standing, plain, operation) : plain;
}

function outcomeOf(
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: Record<string, unknown> }[] },
  operation: OperationCase,
): Outcome {
  const code = body.errors?.[0]?.extensions?.code;
  // A malformed query or a crash is a broken case, never a pass.
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'INTERNAL_SERVER_ERROR' || code === 'BAD_REQUEST')
    return 'BROKEN';
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') return code;
  if (code === 'NOT_FOUND') return 'HIDDEN';
  if (!code && operation.isEmpty && body.data && operation.isEmpty(body.data)) return 'HIDDEN';
  return 'ALLOWED';
}

describe('authorization', () => {
  let schema: GraphQLSchema;
  const actors: Actor[] = [];

  beforeAll(async () => {
    api = await bootApi();
    schema = api.app.get(GraphQLSchemaHost).schema;
    const given = new Given(api.app);
    const konTum = await given.konTum();
    const gl = await given.otherProvince();
    const session = async (role: Role, organization: Organization) => {
      const user = await given.user(role, organization);
      return { user, session: await signIn(api.url, user.email, TEST_PASSWORD) };
    };
    const call = async <T>(who: Session, query: string, variables?: Record<string, unknown>): Promise<T> => {
      const { body } = await graphql<T>(api.url, query, variables, who.headers);
      if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
      return body.data as T;
    };
    const admin = await session(Role.ADMIN, konTum.get('kt.tu.vp')!);
    adminAuthorization = admin.session.headers.authorization!;
    const supervisors = {
      kt: (await session(Role.SUPERVISOR, konTum.get('kt.tu.vp')!)).session,
      gl: (await session(Role.SUPERVISOR, gl.root)).session,
    };

    const inspectionOn = async (assignmentId: string) => {
      const { recordInspection } = await call<{ recordInspection: { id: string } }>(
        admin.session,
        'mutation ($i: RecordInspectionInput!) { recordInspection(input: $i) { id } }',
        {
          i: {
            assignmentId,
            finding: 'Chưa quán triệt đến cơ sở',
            severity: 'HIGH',
            remedy: 'Quán triệt và báo cáo',
            followUpDate: '2099-12-31',
          },
        },
      );
      return recordInspection.id;
    };

    const importDraft = async (supervisor: Session) => {
      const { importDocument } = await call<{
        importDocument: { id: string; tasks: { id: string; number: string }[] };
      }>(
        supervisor,
        'mutation ($i: DocumentInput!) { importDocument(input: $i) { id tasks { id number } } }',
        { i: { text: SEED } },
      );
      // Keep only task 1, so drafts publish without depending on what the reader suggested.
      for (const task of importDocument.tasks.filter((t) => !t.number.includes('.') && t.number !== '1')) {
        await call(supervisor, 'mutation ($id: ID!) { deleteTask(id: $id) { id } }', { id: task.id });
      }
      const taskId = importDocument.tasks.find((t) => t.number === '1')!.id;
      await call(supervisor, 'mutation ($id: ID!) { deleteTask(id: $id) { id } }', {
        id: importDocument.tasks.find((t) => t.number === '1.1')!.id,
      });
      await call(supervisor, 'mutation ($t: ID!) { setTaskAssignees(taskId: $t, assignees: []) { id } }', {
        t: taskId,
      });
      await call(supervisor, 'mutation ($id: ID!) { updateTask(id: $id, kind: JOINT) { id } }', {
        id: taskId,
      });
      return { documentId: importDocument.id, taskId };
    };

    const buildSide = async (
      name: string,
      organization: Organization,
      child: Organization,
      supervisor: Session,
    ): Promise<Side> => {
      const officer = await session(Role.ORG_OFFICER, organization);
      const published = await importDraft(supervisor);
      await call(
        supervisor,
        'mutation ($t: ID!, $o: ID!) { setTaskAssignees(taskId: $t, assignees: [{ organizationId: $o, role: LEAD, dueDate: "2027-03-31", cadence: QUARTERLY }]) { id } }',
        {
          t: published.taskId,
          o: organization.id,
        },
      );
      await call(supervisor, 'mutation ($id: ID!) { publishDocument(id: $id) { id } }', {
        id: published.documentId,
      });
      const { allAssignments } = await call<{ allAssignments: { id: string }[] }>(
        supervisor,
        'query ($t: ID!, $o: ID!) { allAssignments(filter: { taskId: $t, organizationId: $o }) { id } }',
        { t: published.taskId, o: organization.id },
      );
      const assignmentId = allAssignments[0]!.id;
      const { submitProgressReport } = await call<{ submitProgressReport: { id: string } }>(
        officer.session,
        'mutation ($a: ID!) { submitProgressReport(input: { assignmentId: $a, period: "2026-Q4", percentComplete: 10 }) { id } }',
        { a: assignmentId },
      );
      const { requestExtension } = await call<{ requestExtension: { id: string } }>(
        officer.session,
        'mutation ($a: ID!) { requestExtension(assignmentId: $a, proposedDueDate: "2027-06-30", reason: "Thử") { id } }',
        { a: assignmentId },
      );
      const draft = await importDraft(supervisor);
      // Due in three days (by the server's own clock): at risk, so on the inspectors' board.
      const board = await importDraft(supervisor);
      await call(
        supervisor,
        'mutation ($t: ID!, $o: ID!, $d: Date!) { setTaskAssignees(taskId: $t, assignees: [{ organizationId: $o, role: LEAD, dueDate: $d }]) { id } }',
        { t: board.taskId, o: organization.id, d: addDays(calendarDayOf(new Date()), 3) },
      );
      await call(supervisor, 'mutation ($id: ID!) { publishDocument(id: $id) { id } }', {
        id: board.documentId,
      });
      const onBoard = await call<{ allAssignments: { id: string }[] }>(
        supervisor,
        'query ($d: ID!) { allAssignments(filter: { documentId: $d }) { id } }',
        { d: board.documentId },
      );
      return {
        name,
        organization,
        childOrganizationId: child.id,
        userId: officer.user.id,
        officer: officer.session,
        supervisor,
        documentId: published.documentId,
        taskId: published.taskId,
        draftTaskId: draft.taskId,
        assignmentId,
        reportId: submitProgressReport.id,
        extensionId: requestExtension.id,
        inspectionId: await inspectionOn(assignmentId),
        boardDocumentId: board.documentId,
        boardAssignmentId: onBoard.allAssignments[0]!.id,
      };
    };

    const womensUnion = await buildSide(
      'kt.pn',
      konTum.get('kt.pn')!,
      konTum.get('kt.dh.pn')!,
      supervisors.kt,
    );
    const farmers = await buildSide('kt.nd', konTum.get('kt.nd')!, konTum.get('kt.dh.nd')!, supervisors.kt);
    const giaLai = await buildSide('gl.pn', gl.womensUnion, gl.womensUnion, supervisors.gl);

    fresh = {
      draft: async (side) => side.draft ?? importDraft(side.supervisor),
      inspection: (side) => inspectionOn(side.boardAssignmentId),
      refreshToken: async () => (await signIn(api.url, admin.user.email, TEST_PASSWORD)).refreshToken,
    };

    const seats: [Role, Organization, Side, Side][] = [
      [Role.ADMIN, konTum.get('kt.tu.vp')!, womensUnion, giaLai],
      [Role.SUPERVISOR, konTum.get('kt.tu.vp')!, womensUnion, giaLai],
      [Role.INSPECTOR, konTum.get('kt.tu.ubkt')!, womensUnion, giaLai],
      [Role.VIEWER, konTum.get('kt.tu.vp')!, womensUnion, giaLai],
      // An officer's "other body" is a sibling in the same province, outside their subtree.
      [Role.ORG_OFFICER, konTum.get('kt.pn')!, womensUnion, farmers],
    ];
    for (const [role, organization, own, other] of seats) {
      const { user, session: signedIn } = await session(role, organization);
      actors.push({ label: role, role, headers: signedIn.headers, email: user.email, own, other });
    }
    actors.push({
      label: 'anonymous',
      role: null,
      headers: {},
      email: admin.user.email,
      own: womensUnion,
      other: giaLai,
    });

    // The actors that broke the plain rule (issue 14): bodies that work on Kon Tum's report
    // without owning it. Gia Lai's Women's Union and Kon Tum's Veterans' Association
    // coordinate the Women's Union's task, and its task on the inspectors' board.
    const veterans = konTum.get('kt.ccb')!;
    const coordinate = (taskId: string, dueDate: string) =>
      call(admin.session, 'mutation ($i: AssignTaskInput!) { assignTask(input: $i) { id } }', {
        i: { taskId, organizationIds: [gl.womensUnion.id, veterans.id], role: 'COORDINATE', dueDate },
      });
    const [boardTask] = await api.app
      .get(DataSource)
      .query<{ task_id: string }[]>('SELECT task_id FROM assignments WHERE id = $1', [
        womensUnion.boardAssignmentId,
      ]);
    await coordinate(womensUnion.taskId, '2027-03-31');
    await coordinate(boardTask!.task_id, addDays(calendarDayOf(new Date()), 3));
    const coordinating = await coordinatingSides(womensUnion, [
      [`${giaLai.name}@${womensUnion.name}`, gl.womensUnion, gl.womensUnion, giaLai.officer, giaLai.userId],
      [`kt.ccb@${womensUnion.name}`, veterans, konTum.get('kt.dh.ccb')!, ...(await officerOf(veterans))],
    ]);
    // "own": the actor's body's coordination on Kon Tum's report (the document seen, not owned);
    // "other": the Women's Union's own lead assignment on it (the document seen, the work not).
    const ownWork: Standing = { body: 'in', document: 'seen', draft: 'seen', assignment: 'assignee' };
    const othersWork: Standing = { body: 'out', document: 'seen', draft: 'unseen', assignment: 'unseen' };
    const standing = { own: ownWork, other: othersWork };
    const crossing: [string, Role, Organization, Side][] = [
      ['FOREIGN_ASSIGNEE_SUPERVISOR', Role.SUPERVISOR, gl.root, coordinating[0]!],
      ['FOREIGN_ASSIGNEE_INSPECTOR', Role.INSPECTOR, gl.root, coordinating[0]!],
      ['COORDINATOR_OFFICER', Role.ORG_OFFICER, veterans, coordinating[1]!],
    ];
    for (const [label, role, organization, own] of crossing) {
      const { user, session: signedIn } = await session(role, organization);
      actors.push({
        label,
        role,
        headers: signedIn.headers,
        email: user.email,
        own,
        other: womensUnion,
        standing,
      });
    }

    async function officerOf(organization: Organization): Promise<[Session, string]> {
      const officer = await session(Role.ORG_OFFICER, organization);
      return [officer.session, officer.user.id];
    }

    /** Sides for bodies coordinating `lead`'s task: their own assignment, with a report, an extension and a finding. */
    async function coordinatingSides(
      lead: Side,
      bodies: [string, Organization, Organization, Session, string][],
    ): Promise<Side[]> {
      const sides: Side[] = [];
      for (const [name, organization, child, officer, userId] of bodies) {
        const assignmentOn = async (documentId: string) =>
          (
            await call<{ allAssignments: { id: string }[] }>(
              admin.session,
              'query ($d: ID!, $o: ID!) { allAssignments(filter: { documentId: $d, organizationId: $o }) { id } }',
              { d: documentId, o: organization.id },
            )
          ).allAssignments[0]!.id;
        const assignmentId = await assignmentOn(lead.documentId);
        const { submitProgressReport } = await call<{ submitProgressReport: { id: string } }>(
          officer,
          'mutation ($a: ID!) { submitProgressReport(input: { assignmentId: $a, period: "2026-Q4", percentComplete: 10 }) { id } }',
          { a: assignmentId },
        );
        const { requestExtension } = await call<{ requestExtension: { id: string } }>(
          officer,
          'mutation ($a: ID!) { requestExtension(assignmentId: $a, proposedDueDate: "2027-06-30", reason: "Thử") { id } }',
          { a: assignmentId },
        );
        sides.push({
          ...lead,
          name,
          organization,
          childOrganizationId: child.id,
          userId,
          officer,
          draftTaskId: lead.taskId,
          draft: { documentId: lead.documentId, taskId: lead.taskId },
          assignmentId,
          reportId: submitProgressReport.id,
          extensionId: requestExtension.id,
          inspectionId: await inspectionOn(assignmentId),
          boardAssignmentId: await assignmentOn(lead.boardDocumentId),
        });
      }
      return sides;
    }
  });
  afterAll(() => api?.close());

  it('every operation declares a permission and has a case in this matrix', () => {
    const fields = rootFields(schema);
    expect(
      fields.filter((field) => !isPermission(field.extensions.permission)).map((field) => field.name),
    ).toEqual([]);
    expect(fields.map((field) => field.name).filter((name) => !(name in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((name) => !(name in RIGHTS))).toEqual([]);
  });

  // The matrix asks for records by id; through a document a body may see, its tasks' assignments
  // are read by the assignee's scope too: a coordinator (or a foreign body) sees its own work
  // on Kon Tum's report, never the lead's.
  it('shows a body working on another body’s document only its own work there', async () => {
    for (const actor of actors.filter((candidate) => candidate.standing)) {
      const { body } = await graphql<{ Document: { tasks: { assignments: { id: string }[] }[] } }>(
        api.url,
        'query ($id: ID!) { Document(id: $id) { tasks { assignments { id } } } }',
        { id: actor.other.documentId },
        actor.headers,
      );
      expect(body.errors).toBeUndefined();
      const seen = body.data!.Document.tasks.flatMap((task) => task.assignments.map((a) => a.id));
      expect(seen).toContain(actor.own.assignmentId);
      expect(seen).not.toContain(actor.other.assignmentId);
    }
  });

  it('answers every operation × role × own / other body as the policy says', async () => {
    const mismatches: string[] = [];
    const seen = new Map<Outcome, number>();
    let checked = 0;
    for (const field of rootFields(schema)) {
      const operation = CASES[field.name];
      if (!operation) continue;
      const permission = field.extensions.permission as Permission;
      for (const actor of actors) {
        for (const which of ['own', 'other'] as const) {
          const { query, variables } = await operation.call(actor[which], actor);
          const { body } = await graphql<Record<string, unknown>>(api.url, query, variables, {
            ...actor.headers,
            'x-forwarded-for': `10.1.${checked % 250}.${Math.floor(checked / 250) + 1}`,
          });
          const actual = outcomeOf(body, operation);
          const want = expected(actor, permission, which, operation, field.name);
          seen.set(actual, (seen.get(actual) ?? 0) + 1);
          checked++;
          if (actual !== want) {
            mismatches.push(
              `${field.name} as ${actor.label} on ${which}: expected ${want}, got ${actual} ${body.errors?.[0]?.message ?? ''}`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(Object.keys(CASES).length * actors.length * 2);
    // The matrix really exercises every kind of answer.
    expect([...seen.keys()].sort()).toEqual(['ALLOWED', 'FORBIDDEN', 'HIDDEN', 'UNAUTHENTICATED']);
    process.stdout.write(
      `authorization matrix: ${checked} cases ${JSON.stringify(Object.fromEntries(seen))}\n`,
    );
  });
});
