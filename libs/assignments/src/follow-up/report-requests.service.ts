import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { NotificationKind, type NotificationRequest, NotificationsService } from '@dondoc/notifications';
import { type CalendarDay, daysBetween, TIME_ZONE } from '@dondoc/platform';

import { periodOf, reportDeadlines, type ReportingDeadlineSettings } from '../reporting-period.js';
import { assignmentFacts } from './follow-up-facts.js';
import { PERIOD_CADENCES, reminderThreshold } from './period-schedule.js';
import { reportingGroups, takesPart } from './reporting-groups.js';

export interface PeriodFollowUpCount {
  /** Report slots opened, or report reminders recorded, by this call. */
  noticed: number;
  notifications: number;
}

/** How many assignments one transaction handles. */
const BATCH = 5_000;
/** Below every uuid gen_random_uuid() makes: where an id-ordered walk starts. */
const FIRST = '00000000-0000-0000-0000-000000000000';

/**
 * The batch every statement walks: open work reporting at `$3` whose document has the
 * deadline pair `$4`/`$5` and that existed by the cut-off `$6`, in id order after `$1`,
 * `$2` at a time. Served by the partial index `assignments_open_cadence (cadence, id)`.
 * Parameters: $1 after, $2 limit, $3 cadence, $4 cut-off day, $5 due day, $6 cut-off date,
 * $7 time zone, $8 period id; the statement's own from $9.
 */
const WALK = `
  SELECT a.id, a.percent_complete
    FROM assignments a
    JOIN documents d ON d.id = a.document_id
   WHERE a.cadence = CAST($3 AS text) AND a.cadence <> 'NONE'
     AND a.status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETION_REQUESTED')
     AND a.id > CAST($1 AS uuid)
     AND ${takesPart('$4', '$5', '$6', '$7')}`;

/**
 * `insert` (reading `batch`, returning `assignment_id`) over the next batch of the walk,
 * answering one `Step`.
 */
function walkStatement(insert: string): string {
  return `
    WITH batch AS (${WALK} ORDER BY a.id LIMIT $2),
    created AS (${insert})
    SELECT (SELECT count(*)::int FROM batch) AS scanned,
           (SELECT id::text FROM batch ORDER BY id DESC LIMIT 1) AS last,
           coalesce((SELECT json_agg(assignment_id) FROM created), '[]'::json) AS created`;
}

/** One step of a walk: how many assignments it looked at, the last of them, and the ids acted on. */
interface Step {
  scanned: number;
  last: string | null;
  created: string[];
}

/**
 * Report requests and report reminders ("đề nghị báo cáo", "nhắc hạn báo cáo"): as of a day,
 * every open assignment with a reporting cadence gets the pending report slot of the period
 * that day falls in (a DRAFT progress report at its current percent) and its body a
 * request; a few days before the period report's due day it gets a reminder, unless the
 * report is already in. Each slot and each reminder is created once (the unique
 * (assignment, period) of reports, the key of `assignment_transitions`) and notified in the
 * transaction that created it, so a sweep run twice, or on two workers, notifies once.
 */
@Injectable()
export class ReportRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /** Opens the report slots of the periods `today` falls in, and asks for the reports. */
  async request(today: CalendarDay): Promise<PeriodFollowUpCount> {
    const total: PeriodFollowUpCount = { noticed: 0, notifications: 0 };
    for (const settings of await reportingGroups(this.dataSource.manager)) {
      for (const cadence of PERIOD_CADENCES) {
        const period = periodOf(cadence, today);
        const { cutoff, due } = reportDeadlines(period, settings);
        const sql = walkStatement(`
            INSERT INTO progress_reports (assignment_id, period, percent_complete, status)
            SELECT id, CAST($8 AS text), percent_complete, 'DRAFT' FROM batch
            ON CONFLICT (assignment_id, period) DO NOTHING
            RETURNING assignment_id`);
        const count = await this.walk(
          sql,
          [cadence, ...this.groupParams(settings, cutoff), period.id],
          (manager, ids) =>
            this.notify(manager, NotificationKind.REPORT_REQUESTED, ids, {
              period: period.id,
              due,
              threshold: null,
            }),
        );
        total.noticed += count.noticed;
        total.notifications += count.notifications;
      }
    }
    return total;
  }

  /**
   * Reminds of the current period's report some days before its due day (the windows of
   * `reminderThreshold`), once per assignment, period and threshold; not when the report
   * is already SUBMITTED or ACCEPTED. A DRAFT or RETURNED report is still awaited.
   */
  async remind(today: CalendarDay, reminderDays: readonly number[]): Promise<PeriodFollowUpCount> {
    const total: PeriodFollowUpCount = { noticed: 0, notifications: 0 };
    for (const settings of await reportingGroups(this.dataSource.manager)) {
      for (const cadence of PERIOD_CADENCES) {
        const period = periodOf(cadence, today);
        const { cutoff, due } = reportDeadlines(period, settings);
        const threshold = reminderThreshold(daysBetween(today, due), reminderDays);
        if (threshold === null) continue;
        // The report's due day identifies the period in assignment_transitions (one cadence per assignment).
        const sql = walkStatement(`
            INSERT INTO assignment_transitions (assignment_id, kind, due_date, threshold, noticed_on)
            SELECT b.id, 'REPORT_DUE_REMINDER', CAST($9 AS date), CAST($10 AS integer), CAST($11 AS date)
              FROM batch b
             WHERE NOT EXISTS (SELECT 1 FROM progress_reports r
                                WHERE r.assignment_id = b.id AND r.period = CAST($8 AS text)
                                  AND r.status IN ('SUBMITTED', 'ACCEPTED'))
            ON CONFLICT DO NOTHING
            RETURNING assignment_id`);
        const count = await this.walk(
          sql,
          [cadence, ...this.groupParams(settings, cutoff), period.id, due, threshold, today],
          (manager, ids) =>
            this.notify(manager, NotificationKind.REPORT_DUE_REMINDER, ids, {
              period: period.id,
              due,
              threshold,
            }),
        );
        total.noticed += count.noticed;
        total.notifications += count.notifications;
      }
    }
    return total;
  }

  private groupParams(settings: ReportingDeadlineSettings, cutoff: CalendarDay): unknown[] {
    return [settings.cutoffDay, settings.reportDueDay, cutoff, TIME_ZONE];
  }

  /**
   * Runs `sql` over the assignments in id order, a batch per transaction together with the
   * notifications of what it created: a batch that fails is done again whole by the next
   * sweep, and one that committed is never notified again.
   */
  private async walk(
    sql: string,
    params: unknown[],
    notify: (manager: EntityManager, ids: string[]) => Promise<number>,
  ): Promise<PeriodFollowUpCount> {
    const total: PeriodFollowUpCount = { noticed: 0, notifications: 0 };
    let after = FIRST;
    for (;;) {
      const step = await this.dataSource.transaction(async (manager) => {
        const [row] = (await manager.query(sql, [after, BATCH, ...params])) as Step[];
        return { ...row, notifications: await notify(manager, row.created) };
      });
      total.noticed += step.created.length;
      total.notifications += step.notifications;
      if (step.scanned < BATCH || step.last === null) return total;
      after = step.last;
    }
  }

  private async notify(
    manager: EntityManager,
    kind: NotificationKind.REPORT_REQUESTED | NotificationKind.REPORT_DUE_REMINDER,
    ids: string[],
    about: { period: string; due: CalendarDay; threshold: number | null },
  ): Promise<number> {
    if (ids.length === 0) return 0;
    const facts = await assignmentFacts(manager, ids);
    const requests: NotificationRequest[] = [];
    for (const id of ids) {
      const fact = facts.get(id);
      if (!fact) continue;
      requests.push({
        kind,
        key:
          kind === NotificationKind.REPORT_REQUESTED
            ? `${kind}:${id}:${about.period}`
            : `${kind}:${id}:${about.period}:${about.threshold}`,
        assignmentId: id,
        organizationIds: [fact.organizationId],
        facts: {
          taskText: fact.taskText,
          confidential: fact.confidential,
          organizationName: fact.organizationName,
          documentNumber: fact.documentNumber,
          dueDate: about.due,
          period: about.period,
          threshold: about.threshold,
        },
      });
    }
    return (await this.notifications.notify(requests, manager)).length;
  }
}
