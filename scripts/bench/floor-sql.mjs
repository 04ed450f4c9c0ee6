// The floor: what a careful hand-written SQL query takes to fetch the same rows (and the same
// count), through `pg`, with no framework in between. Timeliness is written out by hand (the
// product's rule, see libs/assignments/src/timeliness.sql.ts), not taken from the product.
//
// A page and its count are ONE statement (the page and the total as two CTEs, the total joined
// to the page): one round trip and one snapshot, like the console's one GraphQL request. Two
// statements sent together would need the simple query protocol, which takes no bound
// parameters (the values would have to be spliced into the text), so one statement it is.

/**
 * Open work late on $2 (today): the product's OVERDUE for open assignments, said plainly.
 * `IS NOT TRUE`: a completion requested without a date is judged by its due date, as the
 * product's CASE does (a NULL comparison there falls through to the next clause).
 */
const OVERDUE_OPEN = `a.status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETION_REQUESTED')
     AND ((a.due_date < $2::date
           AND (a.status = 'COMPLETION_REQUESTED' AND a.completion_requested_on <= a.due_date) IS NOT TRUE)
          OR (a.due_date IS NULL AND a.next_report_due < $2::date))`;

/**
 * The console's columns of an assignment (assignment-fields.ts) with its task, organization and
 * document; $2 is today. Days overdue is worked out by hand (0 unless open and late).
 * `taskText` is the task's text as the caller may read it.
 */
const pageColumns = (
  taskText,
) => `a.id, a.role, a.status, a.due_date, a.baseline_due_date, a.cadence, a.percent_complete,
         CASE WHEN a.status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETION_REQUESTED')
                   AND coalesce(a.due_date, a.next_report_due) < $2::date
              THEN $2::date - coalesce(a.due_date, a.next_report_due) ELSE 0 END AS days_overdue,
         a.next_report_due, a.version,
         t.id AS task_id, t.number AS task_number, ${taskText} AS task_text,
         o.id AS organization_id, o.name AS organization_name,
         d.id AS document_id, d.number AS document_number
    FROM assignments a
    JOIN tasks t ON t.id = a.task_id
    JOIN organizations o ON o.id = a.organization_id
    JOIN documents d ON d.id = a.document_id`;

/**
 * A task's text as a SUPERVISOR of the province $1 whose body is $4 reads it (the list's
 * caller; libs/directives confidential-redaction.ts): a confidential document's task text is
 * read where the document is owned inside the caller's scope or the task is assigned to the
 * caller's own body, else its placeholder (Vietnamese, the caller's locale).
 */
const SUPERVISOR_TASK_TEXT = `CASE WHEN d.confidential
                AND NOT (d.owner_path <@ $1::ltree
                         OR EXISTS (SELECT 1 FROM assignments ca
                                     WHERE ca.task_id = t.id AND ca.organization_id = $4::uuid))
              THEN 'Nhiệm vụ theo văn bản mật số ' || coalesce(d.number, '…')
              ELSE t.text END`;

/** The list page, by due date then id (nulls last, as the product's pageQuery). */
const LIST_PAGE = `
  SELECT ${pageColumns(SUPERVISOR_TASK_TEXT)}
   WHERE a.organization_path <@ $1::ltree
     AND ${OVERDUE_OPEN}
   ORDER BY a.due_date NULLS LAST, a.id
   LIMIT 25`;

/**
 * The page alone, as the bench measured it before the count (`list-rows-only`, kept so that
 * figures stay comparable with earlier runs): the columns the old request asked for.
 */
export const FLOOR_LIST = `
  SELECT a.id, a.due_date, a.status, a.percent_complete,
         t.id AS task_id, t.number AS task_number, t.text AS task_text,
         o.id AS organization_id, o.name AS organization_name
    FROM assignments a
    JOIN tasks t ON t.id = a.task_id
    JOIN organizations o ON o.id = a.organization_id
   WHERE a.organization_path <@ $1::ltree
     AND ${OVERDUE_OPEN}
   ORDER BY a.due_date NULLS LAST, a.id
   LIMIT 25`;

/**
 * The page and its total ($1 a province's path, $2 today, $3 the province's tally key, $4 the
 * caller's body, a SUPERVISOR of that province).
 *
 * The total is read from the dashboard's read model, `assignment_tallies`, as the product
 * does for a whole province narrowed by timeliness only (assignment-query.ts talliedCount):
 * open work is tallied by its due date (basis DUE) or, when it has none, by its next report
 * (basis REPORT), so OVERDUE is the sum of those keys before today. COMPLETION_REQUESTED
 * asked for on time is its own basis (ON_TRACK) and is rightly left out. The tallies are
 * exact (kept by triggers in the writing transactions); the bench also checks this total
 * against a brute-force COUNT once (FLOOR_LIST_COUNT_BRUTE), untimed.
 */
export const FLOOR_LIST_WITH_COUNT = `
  WITH page AS (${LIST_PAGE}),
       total AS (SELECT coalesce(sum(n), 0)::int AS count
                   FROM assignment_tallies
                  WHERE province = $3 AND basis IN ('DUE', 'REPORT') AND day < $2::date)
  SELECT total.count AS total, page.*
    FROM total LEFT JOIN page ON TRUE
   ORDER BY page.due_date NULLS LAST, page.id`;

/** The list's total counted row by row: the exactness check of the list's count, untimed. */
export const FLOOR_LIST_COUNT_BRUTE = `
  SELECT count(*)::int AS count
    FROM assignments a
   WHERE a.organization_path <@ $1::ltree
     AND ${OVERDUE_OPEN}`;

/**
 * Counts by organization and timeliness, brute force over the rows in scope ($1 the scope's
 * paths, $2 today): the `dashboard-nation-brute` line and the exactness check.
 */
export const FLOOR_DASHBOARD_BRUTE = `
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

/**
 * The dashboard's floor: the same read model the product reads, summed by timeliness as of $1
 * (today) for the provinces $2 (NULL: the whole nation), warning window 7 days. A province
 * reads its rows of `assignment_tallies` (one per province, basis, day and stripe; migrations
 * 1764202410000, 1764202640000); the nation reads `assignment_tally_totals` (what the hourly
 * compaction folded, migration 1764202710000) and the stripes written since. Hand-written: a
 * key's basis says which dates decide (DUE: the due date; REPORT: the next report, late or
 * on track; COMPLETED_UNDATED: completed without a date, judged as if done today); any other
 * basis is its own timeliness.
 */
export const FLOOR_DASHBOARD = `
  SELECT CASE basis
           WHEN 'DUE' THEN CASE WHEN day < $1::date THEN 'OVERDUE'
                                WHEN day - 7 <= $1::date THEN 'DUE_SOON'
                                ELSE 'ON_TRACK' END
           WHEN 'REPORT' THEN CASE WHEN day < $1::date THEN 'OVERDUE' ELSE 'ON_TRACK' END
           WHEN 'COMPLETED_UNDATED' THEN CASE WHEN $1::date <= day THEN 'COMPLETED_ON_TIME'
                                              ELSE 'COMPLETED_LATE' END
           ELSE basis
         END AS timeliness,
         sum(n)::int AS n
    FROM (SELECT basis, day, n FROM assignment_tally_totals WHERE $2::text[] IS NULL
          UNION ALL
          SELECT basis, day, n FROM assignment_tallies WHERE $2::text[] IS NULL AND stripe >= 0
          UNION ALL
          SELECT basis, day, n FROM assignment_tallies WHERE province = ANY($2::text[])) tallies
   GROUP BY 1`;

/**
 * The "dan van" search as the bench's administrator makes it ($1 the folded LIKE pattern, as
 * containsPattern() makes it; $2 today, for days overdue): task text or organization name, folded, 25 by due date then
 * id (nulls last, the product's pageQuery), with the total of matches in the same statement.
 *
 * Visibility, as assignment-query.ts applies it for this caller: an administrator's scope is
 * everything (no path condition), and taskContentCondition() is TRUE for an administrator, so
 * confidential task texts are searched and shown too — nothing to add here. (For anyone else, the
 * product searches a confidential task's text only where the reader may read it; this floor
 * would then need that condition: it is written for the administrator only.)
 */
// IN (…) rather than the product's EXISTS (…): PostgreSQL hashes the few thousand matching
// tasks and organizations once and reads the assignments' (task, organization) index only,
// where EXISTS probed both per row (measured here: ~0.4 s against ~2 s for the count).
const SEARCH_MATCH = `(a.task_id IN (SELECT qt.id FROM tasks qt WHERE qt.search_text LIKE $1 ESCAPE '\\')
         OR a.organization_id IN (SELECT qo.id FROM organizations qo WHERE qo.search_text LIKE $1 ESCAPE '\\'))`;

const MATCHING_TASKS = `SELECT qt.id FROM tasks qt WHERE qt.search_text LIKE $1 ESCAPE '\\'`;

export const FLOOR_SEARCH = `
  WITH page AS (
    SELECT ${pageColumns('t.text')}
     WHERE ${SEARCH_MATCH}
     ORDER BY a.due_date NULLS LAST, a.id
     LIMIT 25),
       -- Counted in two disjoint parts the indexes on task and on organization answer (the
       -- assignments of matching tasks, then of matching bodies whose task is not one), as
       -- the product counts since issue 16; the OR above scans every assignment to count.
       total AS (SELECT ((SELECT count(*) FROM assignments a WHERE a.task_id IN (${MATCHING_TASKS}))
                      + (SELECT count(*) FROM assignments a
                          WHERE a.organization_id IN (SELECT qo.id FROM organizations qo WHERE qo.search_text LIKE $1 ESCAPE '\\')
                            AND a.task_id NOT IN (${MATCHING_TASKS})))::int AS count)
  SELECT total.count AS total, page.*
    FROM total LEFT JOIN page ON TRUE
   ORDER BY page.due_date NULLS LAST, page.id`;
