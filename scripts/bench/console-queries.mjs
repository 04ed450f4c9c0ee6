// The GraphQL requests the bench sends, written as the console sends them.
//
// react-admin's list goes through ra-data-graphql-simple 5 (apps/admin/src/data/
// graphql-data-provider.ts): getList is ONE operation named after the query, with the page as
// `items` and the count as `total` (its `_…Meta` twin, given the same filter, page and perPage
// but not the sort), and Apollo Client 3 adds `__typename` to every selection set below the
// root. The assignment lists ask for ASSIGNMENT_LIST_FIELDS (apps/admin/src/assignments/
// assignment-fields.ts) as sparse fields. The variables are those ra-data-graphql-simple
// builds (page from 0); it also passes react-admin's `meta`, an undeclared variable the
// server ignores, left out here.

/** The console's getList of assignments: page and count in one request. */
export const CONSOLE_ASSIGNMENT_LIST = `query allAssignments($filter: AssignmentFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: String) {
  items: allAssignments(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {
    id
    role
    status
    timeliness
    dueDate
    baselineDueDate
    cadence
    percentComplete
    daysOverdue
    nextReportDue
    version
    task {
      id
      number
      text
      __typename
    }
    organization {
      id
      name
      __typename
    }
    document {
      id
      number
      __typename
    }
    __typename
  }
  total: _allAssignmentsMeta(filter: $filter, page: $page, perPage: $perPage) {
    count
    __typename
  }
}`;

/** The variables of the console's first page of `filter`, 25 a page by due date. */
export const consoleListVariables = (filter) => ({
  filter,
  page: 0,
  perPage: 25,
  sortField: 'dueDate',
  sortOrder: 'ASC',
});

/** The HTTP body of the console's first page of `filter`. */
export const consoleListBody = (filter) => ({
  operationName: 'allAssignments',
  variables: consoleListVariables(filter),
  query: CONSOLE_ASSIGNMENT_LIST,
});

/** The page alone, as the bench measured it before the count: the `list-rows-only` line. */
export const GRAPHQL_LIST_ROWS_ONLY = `query ($f: AssignmentFilter) {
  allAssignments(filter: $f, page: 0, perPage: 25, sortField: "dueDate", sortOrder: "ASC") {
    id dueDate status percentComplete timeliness
    task { id number text }
    organization { id name }
  }
}`;

export const DASHBOARD = '{ dashboard { total byTimeliness { timeliness count } } }';

/** What the console's search box sends: the same list, filtered by `q`. */
export const SEARCH_FILTER = { q: 'dan van' };
export const OVERDUE_FILTER = { timeliness: ['OVERDUE'] };

/**
 * The hot reads whose plans are kept under bench/plans/<scale>/<name>.txt (bench-plans.mjs)
 * and checked for staleness by bench.mjs: who asks, and the request body.
 */
export const HOT = {
  'list-province-overdue': {
    as: 'thuongtruc@dondoc.local',
    body: { query: GRAPHQL_LIST_ROWS_ONLY, variables: { f: OVERDUE_FILTER } },
  },
  'list-province-overdue-count': {
    as: 'thuongtruc@dondoc.local',
    body: { query: 'query { _allAssignmentsMeta(filter: { timeliness: [OVERDUE] }) { count } }' },
  },
  'list-province-overdue-page': {
    as: 'thuongtruc@dondoc.local',
    body: consoleListBody(OVERDUE_FILTER),
  },
  'dashboard-nation': { as: 'admin@dondoc.local', body: { query: DASHBOARD } },
  'dashboard-province': { as: 'thuongtruc@dondoc.local', body: { query: DASHBOARD } },
  'search-dan-van': {
    as: 'admin@dondoc.local',
    body: {
      query: `query { allAssignments(filter: { q: "dan van" }, page: 0, perPage: 25, sortField: "dueDate", sortOrder: "ASC") {
      id dueDate status task { id text } organization { id name } } }`,
    },
  },
  'search-dan-van-page': { as: 'admin@dondoc.local', body: consoleListBody(SEARCH_FILTER) },
};
