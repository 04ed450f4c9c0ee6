import { Injectable } from '@nestjs/common';

import { type Assignment, AssignmentQuery, AssignmentStatus, Timeliness } from '@dondoc/assignments';
import type { AccessScope } from '@dondoc/organizations';
import { Clock } from '@dondoc/platform';

export interface InspectionBoardFilter {
  /** This body and everything under it. */
  organizationId?: string | null;
  documentId?: string | null;
}

/** The latest inspection of an item, or NONE. */
export type BoardInspectionStatus = 'NONE' | 'OPEN' | 'RESOLVED';

export interface InspectionBoardItem {
  assignment: Assignment;
  /** Calendar days (Asia/Ho_Chi_Minh) past the due date; 0 for at-risk (DUE_SOON) items. */
  daysOverdue: number;
  /**
   * How far the follow-up sweep has gone for the current due date: 0 nothing yet, 1 reminded
   * or notified as overdue, 2 escalated (overdue past an escalation threshold).
   */
  escalationLevel: number;
  inspectionStatus: BoardInspectionStatus;
}

export interface InspectionBoardGroup {
  organizationId: string;
  overdue: number;
  atRisk: number;
  items: InspectionBoardItem[];
}

export interface InspectionBoard {
  asOf: Date;
  groups: InspectionBoardGroup[];
}

/** The due date the sweep records transitions under (continuous work: its next report). */
const CURRENT_DUE = 'coalesce(a.due_date, a.next_report_due)';

/**
 * The inspectors' board: the open work in the caller's scope that is OVERDUE or at risk
 * (DUE_SOON), by organization, most overdue first — with the days overdue, how far the
 * follow-up has escalated (read from the sweep's `assignment_transitions`) and the status
 * of the latest inspection. One query, timeliness stated by the shared SQL rule.
 */
@Injectable()
export class InspectionBoardService {
  constructor(
    private readonly query: AssignmentQuery,
    private readonly clock: Clock,
  ) {}

  async board(scope: AccessScope, filter: InspectionBoardFilter): Promise<InspectionBoard> {
    const asOf = this.clock.now();
    const today = this.query.today();
    const { entities, raw } = await this.query
      .filtered(scope, {
        organizationId: filter.organizationId ?? null,
        includeDescendants: true,
        documentId: filter.documentId ?? null,
        status: [
          AssignmentStatus.NOT_STARTED,
          AssignmentStatus.IN_PROGRESS,
          AssignmentStatus.COMPLETION_REQUESTED,
        ],
        timeliness: [Timeliness.OVERDUE, Timeliness.DUE_SOON],
      })
      .addSelect(
        `CASE WHEN ${CURRENT_DUE} < CAST(:boardToday AS date)
              THEN CAST(:boardToday AS date) - ${CURRENT_DUE} ELSE 0 END`,
        'days_overdue',
      )
      .addSelect(
        `CASE
           WHEN EXISTS (SELECT 1 FROM assignment_transitions x
                         WHERE x.assignment_id = a.id AND x.due_date = ${CURRENT_DUE}
                           AND x.kind = 'ESCALATED') THEN 2
           WHEN EXISTS (SELECT 1 FROM assignment_transitions x
                         WHERE x.assignment_id = a.id AND x.due_date = ${CURRENT_DUE}
                           AND x.kind IN ('OVERDUE', 'DUE_REMINDER')) THEN 1
           ELSE 0 END`,
        'escalation_level',
      )
      .addSelect(
        `coalesce((SELECT i.status FROM inspections i WHERE i.assignment_id = a.id
                    ORDER BY i.created_at DESC, i.id DESC LIMIT 1), 'NONE')`,
        'inspection_status',
      )
      .setParameter('boardToday', today)
      .orderBy('days_overdue', 'DESC')
      .addOrderBy(CURRENT_DUE, 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getRawAndEntities<{
        a_id: string;
        days_overdue: number;
        escalation_level: number;
        inspection_status: BoardInspectionStatus;
      }>();

    const facts = new Map(raw.map((row) => [row.a_id, row]));
    const groups = new Map<string, InspectionBoardGroup>();
    for (const assignment of entities) {
      const row = facts.get(assignment.id);
      if (!row) continue;
      const item: InspectionBoardItem = {
        assignment,
        daysOverdue: Number(row.days_overdue),
        escalationLevel: Number(row.escalation_level),
        inspectionStatus: row.inspection_status,
      };
      let group = groups.get(assignment.organizationId);
      if (!group) {
        group = { organizationId: assignment.organizationId, overdue: 0, atRisk: 0, items: [] };
        groups.set(assignment.organizationId, group);
      }
      group.items.push(item);
      if (item.daysOverdue > 0) group.overdue += 1;
      else group.atRisk += 1;
    }
    return { asOf, groups: [...groups.values()].sort(mostOverdueFirst) };
  }
}

/** The group whose worst item is most overdue first; then the most overdue items; then the most at risk. */
function mostOverdueFirst(a: InspectionBoardGroup, b: InspectionBoardGroup): number {
  const worst = (group: InspectionBoardGroup) => group.items[0]?.daysOverdue ?? 0;
  return (
    worst(b) - worst(a) ||
    b.overdue - a.overdue ||
    b.atRisk - a.atRisk ||
    a.organizationId.localeCompare(b.organizationId)
  );
}
