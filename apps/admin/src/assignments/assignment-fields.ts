/**
 * What the assignment lists read: the list columns plus the task and organization names,
 * in one query (ra-data-graphql-simple's sparse fields), so CSV exports carry names too.
 */
export const ASSIGNMENT_LIST_FIELDS = [
  'id',
  'role',
  'status',
  'timeliness',
  'dueDate',
  'baselineDueDate',
  'cadence',
  'percentComplete',
  'daysOverdue',
  'nextReportDue',
  'version',
  { task: ['id', 'number', 'text'] },
  { organization: ['id', 'name'] },
  { document: ['id', 'number'] },
];

export const ASSIGNMENT_LIST_META = { sparseFields: ASSIGNMENT_LIST_FIELDS };

/** For lists of records that hang on an assignment (reports, requests, inspections). */
export const ON_ASSIGNMENT = {
  assignment: ['id', 'status', { task: ['id', 'number', 'text'] }, { organization: ['id', 'name'] }],
};
