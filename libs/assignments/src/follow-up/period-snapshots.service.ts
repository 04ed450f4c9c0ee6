import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { isUuid, lineageIdsSql } from '@dondoc/organizations';
import { type CalendarDay, TIME_ZONE } from '@dondoc/platform';

import { type OrganizationCounts, tallyTimeliness } from '../dashboard.service.js';
import { parsePeriod, reportDeadlines } from '../reporting-period.js';
import { DEFAULT_WARNING_DAYS, type Timeliness } from '../timeliness.js';
import { timelinessColumnsOf, timelinessSql } from '../timeliness.sql.js';
import { frozenCadences, lastCutOffPeriod, PERIOD_CADENCES } from './period-schedule.js';
import { reportingGroups, takesPart } from './reporting-groups.js';

export interface PeriodFiguresFilter {
  /**
   * That body's own assignments and those of the bodies it took over from (not its
   * sub-bodies': the snapshot keeps no tree).
   */
  organizationId?: string | null;
  documentId?: string | null;
}

/** A period's figures as frozen at its cut-off: the dashboard's counts, for a past period. */
export interface PeriodFigures {
  period: string;
  total: number;
  byTimeliness: Record<Timeliness, number>;
  /** Most overdue first, then the largest. */
  byOrganization: OrganizationCounts[];
}

/**
 * Freezes each reporting period's figures at its cut-off (chốt số liệu, DOMAIN.md
 * "ReportingPeriod and cut-off") in `period_snapshots`, and reads them back. A row is
 * written once and never changed: running the sweep again, or changing the assignment
 * afterwards, leaves the period's figures as they were.
 */
@Injectable()
export class PeriodSnapshotsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * As of `today`, freezes the latest cut-off period of each cadence (`lastCutOffPeriod`)
   * for every document deadline pair, unless that document's period is frozen already:
   * each assignment's status, percent and timeliness as of the cut-off day, for the
   * assignments that existed by then (`takesPart`), in the periods of their own cadence and,
   * for work without one, in quarters (`frozenCadences`). One INSERT … SELECT per period and
   * pair, so a document's period is frozen whole or not at all; ON CONFLICT keeps two sweeps
   * racing from writing a row twice. Returns the rows written.
   */
  async take(today: CalendarDay, warningDays = DEFAULT_WARNING_DAYS): Promise<number> {
    const timeliness = timelinessSql(timelinessColumnsOf('a'), {
      today: '$2',
      warningDays: '$3',
      against: 'current',
    });
    let taken = 0;
    for (const settings of await reportingGroups(this.dataSource.manager)) {
      for (const cadence of PERIOD_CADENCES) {
        const period = lastCutOffPeriod(cadence, today, settings);
        const { cutoff } = reportDeadlines(period, settings);
        const [{ rows }] = (await this.dataSource.query(
          `WITH taken AS (
             INSERT INTO period_snapshots (period, assignment_id, organization_id, document_id, status,
                                           timeliness, percent_complete, due_date, baseline_due_date, taken_on)
             SELECT CAST($1 AS text), a.id, a.organization_id, a.document_id, a.status,
                    ${timeliness}, a.percent_complete, a.due_date, a.baseline_due_date, CAST($4 AS date)
               FROM documents d
               JOIN assignments a ON a.document_id = d.id
              WHERE ${takesPart('$5', '$6', '$2', '$7')}
                AND a.cadence = ANY(CAST($8 AS text[]))
                /* A document's period is frozen by one statement: any row of it means all of it. */
                AND NOT EXISTS (SELECT 1 FROM period_snapshots s
                                 WHERE s.period = CAST($1 AS text) AND s.document_id = d.id)
             ON CONFLICT (period, assignment_id) DO NOTHING
             RETURNING 1)
           SELECT count(*)::int AS rows FROM taken`,
          [
            period.id,
            cutoff,
            warningDays,
            today,
            settings.cutoffDay,
            settings.reportDueDay,
            TIME_ZONE,
            frozenCadences(cadence),
          ],
        )) as { rows: number }[];
        taken += rows;
      }
    }
    return taken;
  }

  /**
   * A period's frozen figures, counted by timeliness and by organization, for one body's
   * or one document's assignments or for all. Nothing is counted for a period not yet cut
   * off. A `period` that names no reporting period is refused (`PeriodFormatError`).
   */
  async figures(period: string, filter: PeriodFiguresFilter = {}): Promise<PeriodFigures> {
    const periodId = parsePeriod(period).id;
    const conditions = ['s.period = $1'];
    const params: unknown[] = [periodId];
    // A body's figures include those frozen for the bodies it took over from (its
    // predecessors' snapshots keep their own ids); an old body's are only its own.
    for (const [column, value] of [
      ['s.organization_id', filter.organizationId],
      ['s.document_id', filter.documentId],
    ] as const) {
      if (value === null || value === undefined) continue;
      params.push(isUuid(value) ? value : null); // a malformed id finds nothing
      conditions.push(
        column === 's.organization_id'
          ? `${column} IN ${lineageIdsSql(`$${params.length}`)}`
          : `${column} = CAST($${params.length} AS uuid)`,
      );
    }
    const rows = (await this.dataSource.query(
      `SELECT s.organization_id AS "organizationId", s.timeliness, count(*)::int AS count
         FROM period_snapshots s
        WHERE ${conditions.join(' AND ')}
        GROUP BY 1, 2`,
      params,
    )) as { organizationId: string; timeliness: Timeliness; count: number }[];

    const { byTimeliness, byOrganization } = tallyTimeliness(rows);
    return {
      period: periodId,
      total: Object.values(byTimeliness).reduce((sum, count) => sum + count, 0),
      byTimeliness,
      byOrganization: [...byOrganization.values()].sort(
        (a, b) =>
          b.counts.OVERDUE - a.counts.OVERDUE ||
          b.total - a.total ||
          a.organizationId.localeCompare(b.organizationId),
      ),
    };
  }
}
