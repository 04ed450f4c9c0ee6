/**
 * How many items the cost analysis assumes a list field without a `perPage` argument returns.
 * These lists are not paged because they are small in practice (a directive's tasks, a body's
 * predecessors); the figure is what a realistic large record holds, so that nesting them
 * (`Document.tasks → Task.document → tasks …`) multiplies the estimate as it multiplies the work.
 * Keyed by `Type.field`; any other unpaged list of objects counts `DEFAULT_LIST_BOUND`.
 */
export const LIST_BOUNDS: Readonly<Record<string, number>> = {
  // A directive's tasks section: the longest seen hold a few dozen items.
  'Document.tasks': 100,
  'Document.cites': 10,
  'Document.citedBy': 10,
  // One task given to many bodies (a province's departments or districts).
  'Task.assignments': 100,
  'Task.children': 20,
  'Task.plannedAssignees': 100,
  'Task.suggestedAssignees': 10,
  'Assignment.children': 50,
  'Assignment.progressReports': 20,
  'Assignment.extensionRequests': 10,
  'Assignment.inspections': 10,
  'Organization.predecessors': 10,
  'Organization.successors': 10,
  // Aggregates computed in one query each: the rows are the caller's bodies.
  'Dashboard.byOrganization': 100,
  'Dashboard.byTimeliness': 6,
  'InspectionBoard.groups': 100,
  'InspectionBoardGroup.items': 20,
  'Query.permissionMap': 10,
  'Mutation.assignTask': 100,
  'Mutation.delegateAssignment': 100,
};

export const DEFAULT_LIST_BOUND = 20;

export function listBound(typeName: string, fieldName: string): number {
  return LIST_BOUNDS[`${typeName}.${fieldName}`] ?? DEFAULT_LIST_BOUND;
}

/**
 * Types that are plain values already in memory: the outline a document was read into (kept
 * as JSON with the document, or just parsed). No resolver below them reads the database, and
 * their size is bounded by the document's, so reading them adds nothing to an operation's cost.
 */
export const IN_MEMORY_TYPES: ReadonlySet<string> = new Set([
  'DocumentOutline',
  'OutlineFootnote',
  'OutlineHeader',
  'OutlineRecipient',
  'OutlineReference',
  'OutlineSection',
  'OutlineSigner',
  'OutlineSuggestion',
  'OutlineTask',
]);
