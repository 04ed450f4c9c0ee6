/**
 * The assignment page reads and writes through these operations (API.md, Assignments).
 * Reports and extension requests are read through their own lists, filtered by the
 * assignment, in the same request.
 */

export const ASSIGNMENT_PAGE = `query AssignmentPage($id: ID!) {
  Assignment(id: $id) {
    id version status timeliness role dueDate baselineDueDate cadence percentComplete daysOverdue nextReportDue
    completionRequestedOn completionSummary completedOn cancelReason createdAt updatedAt
    organization { id name }
    assignedBy { id name }
    task { id number text spanStart spanEnd document { id number title text } }
  }
  allProgressReports(filter: { assignmentId: $id }, perPage: 200, sortField: "createdAt", sortOrder: "ASC") {
    id period percentComplete results difficulties proposals status reviewComment reviewedAt submittedAt version
  }
  allExtensionRequests(filter: { assignmentId: $id }, perPage: 200, sortField: "createdAt", sortOrder: "ASC") {
    id proposedDueDate previousDueDate reason status comment createdAt decidedAt
  }
}`;

export const ASSIGNMENT_AUDIT = `query AssignmentAudit($id: ID!) {
  allAuditEvents(filter: { entityType: "assignment", entityId: $id }, perPage: 200, sortField: "occurredAt", sortOrder: "ASC") {
    id action actorId occurredAt
  }
}`;

/** Inspections (contract of the oversight work): read apart, so the page works without them. */
export const ASSIGNMENT_INSPECTIONS = `query AssignmentInspections($id: ID!) {
  allInspections(filter: { assignmentId: $id }, perPage: 100, sortField: "createdAt", sortOrder: "ASC") {
    id finding severity remedy followUpDate status resolutionNote resolvedAt createdAt inspector { id name }
  }
}`;

export const SUBMIT_REPORT = `mutation SubmitProgressReport($input: SubmitProgressReportInput!) {
  submitProgressReport(input: $input) { id status }
}`;

export const REVIEW_REPORT = `mutation ReviewProgressReport($id: ID!, $decision: ReviewDecision!, $comment: String) {
  reviewProgressReport(id: $id, decision: $decision, comment: $comment) { id status reviewComment }
}`;

export const REQUEST_EXTENSION = `mutation RequestExtension($assignmentId: ID!, $expectedVersion: Int, $proposedDueDate: Date!, $reason: String!) {
  requestExtension(assignmentId: $assignmentId, expectedVersion: $expectedVersion, proposedDueDate: $proposedDueDate, reason: $reason) { id status }
}`;

export const DECIDE_EXTENSION = `mutation DecideExtension($id: ID!, $approve: Boolean!, $comment: String) {
  decideExtension(id: $id, approve: $approve, comment: $comment) { id status }
}`;

export const REQUEST_COMPLETION = `mutation RequestCompletion($assignmentId: ID!, $expectedVersion: Int, $summary: String!) {
  requestCompletion(assignmentId: $assignmentId, expectedVersion: $expectedVersion, summary: $summary) { id status version }
}`;

export const DECIDE_COMPLETION = `mutation DecideCompletion($assignmentId: ID!, $expectedVersion: Int, $accept: Boolean!, $comment: String) {
  decideCompletion(assignmentId: $assignmentId, expectedVersion: $expectedVersion, accept: $accept, comment: $comment) { id status version }
}`;

export const CANCEL_ASSIGNMENT = `mutation CancelAssignment($assignmentId: ID!, $expectedVersion: Int, $reason: String!) {
  cancelAssignment(assignmentId: $assignmentId, expectedVersion: $expectedVersion, reason: $reason) { id status version }
}`;

export const RESOLVE_INSPECTION = `mutation ResolveInspection($id: ID!, $note: String!) {
  resolveInspection(id: $id, note: $note) { id status }
}`;

export const RECORD_INSPECTION = `mutation RecordInspection($input: RecordInspectionInput!) {
  recordInspection(input: $input) { id status }
}`;

export interface AssignmentPageAnswer {
  Assignment: Omit<AssignmentPageData, 'progressReports' | 'extensionRequests'> | null;
  allProgressReports: AssignmentPageData['progressReports'];
  allExtensionRequests: AssignmentPageData['extensionRequests'];
}

export interface AssignmentPageData {
  id: string;
  version: number;
  status: string;
  timeliness: string;
  role: string;
  dueDate: string | null;
  baselineDueDate: string | null;
  cadence: string;
  percentComplete: number;
  daysOverdue: number;
  nextReportDue: string | null;
  completionRequestedOn: string | null;
  completionSummary: string | null;
  completedOn: string | null;
  cancelReason: string | null;
  createdAt: string;
  updatedAt: string;
  organization: { id: string; name: string } | null;
  assignedBy: { id: string; name: string } | null;
  task: {
    id: string;
    number: string;
    text: string;
    spanStart: number | null;
    spanEnd: number | null;
    document: { id: string; number: string | null; title: string | null; text: string } | null;
  } | null;
  progressReports: {
    id: string;
    period: string;
    percentComplete: number;
    results: string;
    difficulties: string;
    proposals: string;
    status: string;
    reviewComment: string | null;
    reviewedAt: string | null;
    submittedAt: string | null;
    version: number;
  }[];
  extensionRequests: {
    id: string;
    proposedDueDate: string;
    previousDueDate: string | null;
    reason: string;
    status: string;
    comment: string | null;
    createdAt: string;
    decidedAt: string | null;
  }[];
}

export interface InspectionData {
  id: string;
  finding: string;
  severity: string;
  remedy: string;
  followUpDate: string;
  status: string;
  resolutionNote: string | null;
  resolvedAt: string | null;
  createdAt: string;
  inspector: { id: string; name: string } | null;
}

export interface AuditEventData {
  id: string;
  action: string;
  actorId: string | null;
  occurredAt: string;
}
