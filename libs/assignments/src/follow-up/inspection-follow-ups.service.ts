import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { NotificationKind, type NotificationRequest, NotificationsService } from '@dondoc/notifications';
import type { CalendarDay } from '@dondoc/platform';

import { assignmentFacts } from './follow-up-facts.js';

export interface InspectionFollowUpCount {
  /** Follow-up dates recorded (and notified) by this call. */
  noticed: number;
  notifications: number;
}

/** How many follow-ups one transaction records and notifies. */
const BATCH = 5_000;

/** A follow-up date that came, with what its notification says. */
interface DueFollowUp {
  inspectionId: string;
  followUpDate: string;
  assignmentId: string;
  inspectorId: string;
  remedy: string;
}

/**
 * The inspections' follow-up ("theo dõi việc khắc phục"): once an OPEN inspection's
 * follow-up date has come (on that day, or the first sweep after it), the inspector who
 * recorded it and the assignee body hear of it — once per inspection and follow-up date,
 * the primary key of `inspection_follow_ups`, recorded in the transaction that notifies.
 * A sweep run twice, or on two workers, notifies once.
 */
@Injectable()
export class InspectionFollowUpsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  async notice(today: CalendarDay): Promise<InspectionFollowUpCount> {
    const total: InspectionFollowUpCount = { noticed: 0, notifications: 0 };
    for (;;) {
      const step = await this.dataSource.transaction(async (manager) => {
        const rows = (await manager.query(
          `WITH due AS (
             SELECT i.id, i.follow_up_date, i.assignment_id, i.inspector_id, i.remedy
               FROM inspections i
              WHERE i.status = 'OPEN' AND i.follow_up_date <= CAST($1 AS date)
                AND NOT EXISTS (SELECT 1 FROM inspection_follow_ups f
                                 WHERE f.inspection_id = i.id AND f.follow_up_date = i.follow_up_date)
              ORDER BY i.id
              LIMIT $2
           ),
           noticed AS (
             INSERT INTO inspection_follow_ups (inspection_id, follow_up_date, noticed_on)
             SELECT id, follow_up_date, CAST($1 AS date) FROM due
             ON CONFLICT DO NOTHING
             RETURNING inspection_id, follow_up_date
           )
           SELECT n.inspection_id AS "inspectionId", to_char(n.follow_up_date, 'YYYY-MM-DD') AS "followUpDate",
                  d.assignment_id AS "assignmentId", d.inspector_id AS "inspectorId", d.remedy
             FROM noticed n JOIN due d ON d.id = n.inspection_id`,
          [today, BATCH],
        )) as DueFollowUp[];
        return { noticed: rows.length, notifications: await this.notify(manager, rows) };
      });
      total.noticed += step.noticed;
      total.notifications += step.notifications;
      if (step.noticed < BATCH) return total;
    }
  }

  private async notify(manager: EntityManager, rows: readonly DueFollowUp[]): Promise<number> {
    if (rows.length === 0) return 0;
    const facts = await assignmentFacts(
      manager,
      rows.map((row) => row.assignmentId),
    );
    const requests: NotificationRequest[] = [];
    for (const row of rows) {
      const fact = facts.get(row.assignmentId);
      if (!fact) continue;
      requests.push({
        kind: NotificationKind.INSPECTION_FOLLOW_UP,
        key: `${NotificationKind.INSPECTION_FOLLOW_UP}:${row.inspectionId}:${row.followUpDate}`,
        assignmentId: row.assignmentId,
        // The assignee body, and the inspector who asked for the remedy.
        organizationIds: [fact.organizationId],
        userIds: [row.inspectorId],
        facts: {
          taskText: fact.taskText,
          confidential: fact.confidential,
          organizationName: fact.organizationName,
          documentNumber: fact.documentNumber,
          dueDate: row.followUpDate,
          comment: row.remedy,
        },
      });
    }
    return (await this.notifications.notify(requests, manager)).length;
  }
}
