import { AssignmentStatus } from './assignment-status.js';
import { type TimelinessAgainst, Timeliness } from './timeliness.js';

/**
 * SQL expressions (a qualified column, usually) for what `timelinessOf` reads. Expected types:
 * `status` is `text` or a PostgreSQL enum whose labels are the `AssignmentStatus` values (the
 * literals below coerce to either); the five days are `date` columns, `NULL` where unknown.
 */
export interface TimelinessColumns {
  status: string;
  dueDate: string;
  baselineDueDate: string;
  completedOn: string;
  completionRequestedOn: string;
  nextReportDue: string;
}

/**
 * Where today and the warning window come from, as SQL text: a TypeORM named parameter
 * (`':today'`, `':warningDays'`), a positional one (`'$1'`), or a column expression. The
 * expression casts them itself (`CAST(… AS date)`, `CAST(… AS integer)`), so the caller
 * passes the bare placeholder and may bind the day as a `YYYY-MM-DD` string.
 *
 * `against` is not SQL: it picks which due-date column the text reads, so each choice is
 * a different, equally plain expression (and a different prepared statement).
 */
export interface TimelinessSqlParams {
  /** Today in Asia/Ho_Chi_Minh from the injected Clock — never `CURRENT_DATE`, which is the server's day. */
  today: string;
  warningDays: string;
  against: TimelinessAgainst;
}

/**
 * `timelinessOf` as one SQL `CASE … END` of type `text`, for `WHERE` and `GROUP BY`:
 *
 *   SELECT <timelinessSql(...)> AS timeliness, count(*) FROM assignments a … GROUP BY 1
 *
 * The dashboard counts group millions of rows by this, so it stays a plain CASE over the
 * row's own columns: no subquery, no function call, nothing volatile — it costs a few
 * comparisons per row on top of the scan, and the WHERE clause around it (scope,
 * document, organization) keeps full use of its indexes. Filtering *on* it cannot use an
 * index by itself; narrow the rows with indexed predicates first.
 *
 * Comments inside are SQL block comments, so the text survives being folded onto one line.
 * The WHEN clauses follow `timelinessOf` in the same order; the first that holds wins.
 * `timeliness.int-spec.ts` requires both to agree on thousands of generated records.
 */
export function timelinessSql(columns: TimelinessColumns, params: TimelinessSqlParams): string {
  const status = columns.status;
  const due = params.against === 'baseline' ? columns.baselineDueDate : columns.dueDate;
  const today = `CAST(${params.today} AS date)`;
  const warningDays = `CAST(${params.warningDays} AS integer)`;
  const S = AssignmentStatus;
  const T = Timeliness;

  return `CASE
  WHEN ${status} = '${S.CANCELLED}' THEN '${T.CANCELLED}'
  /* A COMPLETED record without completed_on is judged as if done today (see timelinessOf). */
  WHEN ${status} = '${S.COMPLETED}'
    AND (${due} IS NULL OR COALESCE(${columns.completedOn}, ${today}) <= ${due}) THEN '${T.COMPLETED_ON_TIME}'
  WHEN ${status} = '${S.COMPLETED}' THEN '${T.COMPLETED_LATE}'
  /* From here on the work is open. Continuous work (no due date) is late only through its reports. */
  WHEN ${due} IS NULL AND ${columns.nextReportDue} < ${today} THEN '${T.OVERDUE}'
  WHEN ${due} IS NULL THEN '${T.ON_TRACK}'
  /* Completion asked for in time: waiting on the assigner does not make the assignee late. */
  WHEN ${status} = '${S.COMPLETION_REQUESTED}'
    AND ${columns.completionRequestedOn} <= ${due} THEN '${T.ON_TRACK}'
  WHEN ${due} < ${today} THEN '${T.OVERDUE}'
  /* date - integer is a date; the window includes the due day itself and the day it opens. */
  WHEN ${due} - ${warningDays} <= ${today} THEN '${T.DUE_SOON}'
  ELSE '${T.ON_TRACK}'
END`;
}

/**
 * The columns of an assignment row under `alias`, as the SnakeNamingStrategy names
 * properties called like the fields of `TimelinessFacts` (`due_date`, `baseline_due_date`…).
 */
export function timelinessColumnsOf(alias: string): TimelinessColumns {
  return {
    status: `${alias}.status`,
    dueDate: `${alias}.due_date`,
    baselineDueDate: `${alias}.baseline_due_date`,
    completedOn: `${alias}.completed_on`,
    completionRequestedOn: `${alias}.completion_requested_on`,
    nextReportDue: `${alias}.next_report_due`,
  };
}
