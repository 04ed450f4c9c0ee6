import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { NotificationKind, type NotificationRequest, NotificationsService } from '@dondoc/notifications';

import { DEFAULT_WARNING_DAYS } from '../timeliness.js';
import { timelinessColumnsOf, timelinessSql } from '../timeliness.sql.js';
import { assignmentFacts, type AssignmentFacts, inspectorsOf } from './follow-up-facts.js';
import { InspectionFollowUpsService } from './inspection-follow-ups.service.js';
import { PeriodSnapshotsService } from './period-snapshots.service.js';
import { ReportRequestsService } from './report-requests.service.js';

export interface FollowUpSettings {
  /** The DUE_SOON window. */
  warningDays: number;
  /**
   * Reminders this many days before a due date (each once per due date), and before the
   * due day of each period's report (each once per period and threshold).
   */
  reminderDays: number[];
  /** Escalate work overdue by this many days (each threshold once per due date). */
  escalationDays: number[];
}

export const DEFAULT_FOLLOW_UP: FollowUpSettings = {
  warningDays: DEFAULT_WARNING_DAYS,
  reminderDays: [7, 1],
  escalationDays: [7],
};

export interface SweepSummary {
  today: string;
  overdue: number;
  dueSoon: number;
  reminders: number;
  escalations: number;
  /** Report slots opened (a DRAFT report and a request) for the periods today falls in. */
  reportRequests: number;
  /** Reminders before a period report's due day. */
  reportReminders: number;
  /** Assignments frozen in `period_snapshots` at a period's cut-off. */
  snapshots: number;
  /** Open inspections whose follow-up date came (each once per follow-up date). */
  inspectionFollowUps: number;
  notifications: number;
}

type TransitionKind = 'OVERDUE' | 'DUE_SOON' | 'DUE_REMINDER' | 'ESCALATED';

/** How many transitions one transaction records and notifies. */
const BATCH = 5_000;

const OPEN = `a.status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETION_REQUESTED')`;

/**
 * The follow-up that runs by itself ("đôn đốc"): as of a day, notices every assignment that
 * turned DUE_SOON or OVERDUE, that is due for a reminder, or that has been overdue long
 * enough to escalate; records each once (per due date and threshold) and notifies the
 * right people in the same transaction. Then the reporting periods: opens the report slots
 * of the periods the day falls in, reminds of reports coming due, and freezes the figures
 * of periods cut off by that day; and the inspections whose follow-up date has come. Running it twice, or on two workers, changes nothing the
 * second time.
 */
@Injectable()
export class FollowUpService {
  private readonly logger = new Logger(FollowUpService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly reportRequests: ReportRequestsService,
    private readonly snapshots: PeriodSnapshotsService,
    private readonly inspectionFollowUps: InspectionFollowUpsService,
  ) {}

  async sweep(today: string, settings: FollowUpSettings = DEFAULT_FOLLOW_UP): Promise<SweepSummary> {
    const summary: SweepSummary = {
      today,
      overdue: 0,
      dueSoon: 0,
      reminders: 0,
      escalations: 0,
      reportRequests: 0,
      reportReminders: 0,
      snapshots: 0,
      inspectionFollowUps: 0,
      notifications: 0,
    };
    const timeliness = timelinessSql(timelinessColumnsOf('a'), {
      today: '$1',
      warningDays: '$2',
      against: 'current',
    });

    summary.overdue = await this.notice(
      summary,
      'OVERDUE',
      0,
      `(${timeliness}) = 'OVERDUE'`,
      today,
      settings,
    );
    summary.dueSoon = await this.notice(
      summary,
      'DUE_SOON',
      0,
      `(${timeliness}) = 'DUE_SOON'`,
      today,
      settings,
    );
    const reminderDays = [...settings.reminderDays].sort((a, b) => b - a);
    for (const [index, days] of reminderDays.entries()) {
      const after = reminderDays[index + 1] ?? -1; // the window (next smaller threshold, days]
      summary.reminders += await this.notice(
        summary,
        'DUE_REMINDER',
        days,
        `${OPEN} AND a.due_date IS NOT NULL AND a.due_date - CAST($1 AS date) <= ${days} AND a.due_date - CAST($1 AS date) > ${after}`,
        today,
        settings,
      );
    }
    for (const days of settings.escalationDays) {
      summary.escalations += await this.notice(
        summary,
        'ESCALATED',
        days,
        `(${timeliness}) = 'OVERDUE' AND CAST($1 AS date) - coalesce(a.due_date, a.next_report_due) >= ${days}`,
        today,
        settings,
      );
    }
    const requested = await this.reportRequests.request(today);
    summary.reportRequests = requested.noticed;
    summary.notifications += requested.notifications;
    // After the requests, so a report slot opened today is the one reminded of.
    const reminded = await this.reportRequests.remind(today, settings.reminderDays);
    summary.reportReminders = reminded.noticed;
    summary.notifications += reminded.notifications;
    summary.snapshots = await this.snapshots.take(today, settings.warningDays);
    const followedUp = await this.inspectionFollowUps.notice(today);
    summary.inspectionFollowUps = followedUp.noticed;
    summary.notifications += followedUp.notifications;
    this.logger.log(`Follow-up sweep as of ${today}: ${JSON.stringify(summary)}`);
    return summary;
  }

  /** Records new transitions of one kind, a batch per transaction, and notifies them. */
  private async notice(
    summary: SweepSummary,
    kind: TransitionKind,
    threshold: number,
    condition: string,
    today: string,
    settings: FollowUpSettings,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const noticed = await this.dataSource.transaction(async (manager) => {
        const rows = (await manager.query(
          `INSERT INTO assignment_transitions (assignment_id, kind, due_date, threshold, noticed_on)
           SELECT a.id, $3, coalesce(a.due_date, a.next_report_due), $4, CAST($1 AS date)
             FROM assignments a
            WHERE ${condition}
              AND CAST($2 AS integer) IS NOT NULL /* every parameter typed, whichever the condition reads */
              AND coalesce(a.due_date, a.next_report_due) IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM assignment_transitions x
                               WHERE x.assignment_id = a.id AND x.kind = $3
                                 AND x.due_date = coalesce(a.due_date, a.next_report_due) AND x.threshold = $4)
            ORDER BY a.id
            LIMIT ${BATCH}
           ON CONFLICT DO NOTHING
           RETURNING assignment_id AS "assignmentId", due_date AS "dueDate"`,
          [today, settings.warningDays, kind, threshold],
        )) as { assignmentId: string; dueDate: string }[];
        summary.notifications += await this.notify(manager, kind, threshold, rows, today);
        return rows.length;
      });
      total += noticed;
      if (noticed < BATCH) return total;
    }
  }

  private async notify(
    manager: EntityManager,
    kind: TransitionKind,
    threshold: number,
    rows: { assignmentId: string; dueDate: string }[],
    today: string,
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const facts = await assignmentFacts(
      manager,
      rows.map((row) => row.assignmentId),
    );
    const inspectors =
      kind === 'OVERDUE' || kind === 'ESCALATED'
        ? await inspectorsOf(
            manager,
            [...facts.values()].map((fact) => fact.jurisdiction),
          )
        : new Map<string, string[]>();
    const requests: NotificationRequest[] = [];
    for (const row of rows) {
      const fact = facts.get(row.assignmentId);
      if (!fact) continue;
      const key = `${kind}:${row.assignmentId}:${row.dueDate}:${threshold}`;
      const base = {
        kind: NotificationKind[kind],
        key,
        assignmentId: row.assignmentId,
        facts: factsOf(fact, row.dueDate, today, threshold),
      };
      switch (kind) {
        case 'DUE_SOON':
        case 'DUE_REMINDER':
          requests.push({ ...base, organizationIds: [fact.organizationId] });
          break;
        case 'OVERDUE':
          requests.push({ ...base, organizationIds: [fact.organizationId, fact.assignedByOrganizationId] });
          requests.push({ ...base, organizationIds: [], userIds: inspectors.get(fact.jurisdiction) ?? [] });
          break;
        case 'ESCALATED':
          // The assigning body's leadership and the inspectors.
          requests.push({
            ...base,
            organizationIds: [fact.assignedByOrganizationId],
            roles: ['SUPERVISOR', 'ADMIN'],
          });
          requests.push({ ...base, organizationIds: [], userIds: inspectors.get(fact.jurisdiction) ?? [] });
          break;
      }
    }
    return (await this.notifications.notify(requests, manager)).length;
  }
}

function factsOf(fact: AssignmentFacts, dueDate: string, today: string, threshold: number) {
  const daysOverdue = Math.max(
    0,
    Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000),
  );
  return {
    taskText: fact.taskText,
    confidential: fact.confidential,
    organizationName: fact.organizationName,
    documentNumber: fact.documentNumber,
    dueDate,
    daysOverdue,
    threshold,
  };
}
