import type { EntityManager } from 'typeorm';

import type { ReportingDeadlineSettings } from '../reporting-period.js';

/**
 * The documents' reporting deadlines in use (most documents keep the default 14th and
 * 20th, so this is one or a few pairs): the period sweeps run one statement per pair, with
 * the cut-off and due days computed by `reportDeadlines` rather than restated in SQL.
 */
export async function reportingGroups(manager: EntityManager): Promise<ReportingDeadlineSettings[]> {
  return (await manager.query(
    `SELECT DISTINCT d.report_cutoff_day AS "cutoffDay", d.report_due_day AS "reportDueDay"
       FROM documents d
      WHERE EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = d.id)
      ORDER BY 1, 2`,
  )) as ReportingDeadlineSettings[];
}

/**
 * SQL (over `assignments a` joined to `documents d`) for "this assignment takes part in the
 * period of this deadline pair": its document has the pair, and the assignment existed by
 * the period's cut-off day — work given after the cut-off reports first in the next period
 * (`firstReportPeriod`), and must not enter figures already frozen. `created_at` is an
 * instant; the day it falls on in Vietnam is what counts. Parameters: the cut-off day of
 * the month, the report due day of the month, the period's cut-off date, the time zone.
 */
export function takesPart(cutoffDay: string, dueDay: string, cutoff: string, timeZone: string): string {
  return `d.report_cutoff_day = CAST(${cutoffDay} AS integer)
     AND d.report_due_day = CAST(${dueDay} AS integer)
     AND (a.created_at AT TIME ZONE CAST(${timeZone} AS text))::date <= CAST(${cutoff} AS date)`;
}
