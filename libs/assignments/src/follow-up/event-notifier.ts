import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { NotificationKind, type NotificationRequest, NotificationsService } from '@dondoc/notifications';

import { assignmentFacts } from './follow-up-facts.js';

/** A domain event as the outbox relays it. */
export interface DomainEvent {
  outboxId: string;
  topic: string;
  subject: string;
  payload: Record<string, unknown>;
}

/** Who hears of each event: the assignee's body, or the body that gave the work. */
const ROUTES: Record<string, { kind: NotificationKind; audience: 'assignee' | 'assigner' } | undefined> = {
  'assignment.created': { kind: NotificationKind.ASSIGNMENT_CREATED, audience: 'assignee' },
  'report.submitted': { kind: NotificationKind.REPORT_SUBMITTED, audience: 'assigner' },
  'report.reviewed': { kind: NotificationKind.REPORT_REVIEWED, audience: 'assignee' },
  'extension.requested': { kind: NotificationKind.EXTENSION_REQUESTED, audience: 'assigner' },
  'extension.decided': { kind: NotificationKind.EXTENSION_DECIDED, audience: 'assignee' },
  'completion.requested': { kind: NotificationKind.COMPLETION_REQUESTED, audience: 'assigner' },
  'completion.decided': { kind: NotificationKind.COMPLETION_DECIDED, audience: 'assignee' },
  'assignment.cancelled': { kind: NotificationKind.ASSIGNMENT_CANCELLED, audience: 'assignee' },
  'inspection.recorded': { kind: NotificationKind.INSPECTION_RECORDED, audience: 'assignee' },
  // Written by a merger or split, after the move: the assignee is already the successor.
  'assignment.transferred': { kind: NotificationKind.ASSIGNMENT_TRANSFERRED, audience: 'assignee' },
};

/**
 * Turns a relayed domain event into notifications. Keyed by the outbox row, so the same
 * event handled twice (a retry, two workers) notifies once.
 */
@Injectable()
export class EventNotifier {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  async handle(event: DomainEvent): Promise<number> {
    const route = ROUTES[event.topic];
    if (!route) return 0; // an event nobody needs to hear about
    const assignmentId =
      typeof event.payload.assignmentId === 'string' ? event.payload.assignmentId : event.subject;
    return this.dataSource.transaction(async (manager) => {
      const fact = (await assignmentFacts(manager, [assignmentId])).get(assignmentId);
      if (!fact) return 0;
      const request: NotificationRequest = {
        kind: route.kind,
        key: `${route.kind}:${event.outboxId}`,
        assignmentId,
        organizationIds: [
          route.audience === 'assignee' ? fact.organizationId : fact.assignedByOrganizationId,
        ],
        facts: {
          taskText: fact.taskText,
          confidential: fact.confidential,
          organizationName: fact.organizationName,
          documentNumber: fact.documentNumber,
          // An inspection's remedy is due on its follow-up date, not the assignment's.
          dueDate: text(event.payload.followUpDate) ?? fact.dueDate,
          period: text(event.payload.period),
          comment: text(event.payload.comment) ?? text(event.payload.remedy),
        },
      };
      return (await this.notifications.notify([request], manager)).length;
    });
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
