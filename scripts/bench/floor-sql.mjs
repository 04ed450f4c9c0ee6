// The floor: what a careful hand-written SQL query takes to fetch the same rows, through
// `pg`, with no framework in between. Timeliness is written out by hand (the product's rule
// for OVERDUE, see libs/assignments/src/timeliness.sql.ts), not taken from the product.

export const FLOOR_LIST = `
  SELECT a.id, a.due_date, a.status, a.percent_complete,
         t.id AS task_id, t.number AS task_number, t.text AS task_text,
         o.id AS organization_id, o.name AS organization_name
    FROM assignments a
    JOIN tasks t ON t.id = a.task_id
    JOIN organizations o ON o.id = a.organization_id
   WHERE a.organization_path <@ $1::ltree
     AND a.status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETION_REQUESTED')
     AND ((a.due_date < $2::date
           AND NOT (a.status = 'COMPLETION_REQUESTED' AND a.completion_requested_on <= a.due_date))
          OR (a.due_date IS NULL AND a.next_report_due < $2::date))
   ORDER BY a.due_date NULLS LAST, a.id
   LIMIT 25`;

/** Counts by organization and timeliness, brute force over the rows in scope. */
export const FLOOR_DASHBOARD = `
  SELECT a.organization_id,
         CASE
           WHEN a.status = 'CANCELLED' THEN 'CANCELLED'
           WHEN a.status = 'COMPLETED' AND (a.due_date IS NULL OR coalesce(a.completed_on, $2::date) <= a.due_date)
             THEN 'COMPLETED_ON_TIME'
           WHEN a.status = 'COMPLETED' THEN 'COMPLETED_LATE'
           WHEN a.due_date IS NULL AND a.next_report_due < $2::date THEN 'OVERDUE'
           WHEN a.due_date IS NULL THEN 'ON_TRACK'
           WHEN a.status = 'COMPLETION_REQUESTED' AND a.completion_requested_on <= a.due_date THEN 'ON_TRACK'
           WHEN a.due_date < $2::date THEN 'OVERDUE'
           WHEN a.due_date - 7 <= $2::date THEN 'DUE_SOON'
           ELSE 'ON_TRACK'
         END AS timeliness,
         count(*)::int AS n
    FROM assignments a
   WHERE a.organization_path <@ $1::ltree[]
   GROUP BY 1, 2`;

/** The "dan van" search: task text or organization name, folded, 25 by due date. */
export const FLOOR_SEARCH = `
  SELECT a.id, a.due_date, a.status, t.id AS task_id, t.text, o.id AS organization_id, o.name
    FROM assignments a
    JOIN tasks t ON t.id = a.task_id
    JOIN organizations o ON o.id = a.organization_id
   WHERE t.search_text LIKE $1 OR o.search_text LIKE $1
   ORDER BY a.due_date NULLS LAST, a.id
   LIMIT 25`;
