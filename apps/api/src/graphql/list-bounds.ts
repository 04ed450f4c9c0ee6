/**
 * How many items the cost analysis assumes a list field without a `perPage` argument returns.
 * These lists are not paged because they are small in practice (a directive's tasks, a body's
 * predecessors); the figure is what a realistic large record holds, so that nesting them
 * (`Document.tasks → Task.document → tasks …`) multiplies the estimate as it multiplies the work.
 * Keyed by `Type.field`; any other unpaged list of objects counts `DEFAULT_LIST_BOUND`.
 */
export const LIST_BOUNDS: Readonly<Record<string, number>> = {
  // A directive's tasks section: most hold 5 to 40 items.
  'Document.tasks': 50,
  'Document.cites': 10,
  'Document.citedBy': 10,
  // One task given to the bodies it names: a handful, a province's departments at most.
  'Task.assignments': 50,
  'Task.children': 20,
  'Task.plannedAssignees': 50,
  'Task.suggestedAssignees': 5,
  'Assignment.children': 20,
  'Assignment.progressReports': 20,
  'Assignment.extensionRequests': 5,
  'Assignment.inspections': 5,
  // A merger joins two or three bodies; a split makes as many.
  'Organization.predecessors': 3,
  'Organization.successors': 3,
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

/**
 * What one result of a field costs when it is more than one row's worth of work: an aggregate
 * reads every row it counts, so it is priced like the largest page. Everything else costs 1.
 */
export function objectCost(typeName: string, fieldName: string, largestPage: number): number {
  if (typeName !== 'Query') return 1;
  if (/^_all\w+Meta$/.test(fieldName) || AGGREGATES.has(fieldName)) return largestPage;
  return 1;
}

const AGGREGATES = new Set(['dashboard', 'inspectionBoard']);

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
