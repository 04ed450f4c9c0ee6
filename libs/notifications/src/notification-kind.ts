/** What a notification is about; each kind has its message in notification-messages.ts. */
export enum NotificationKind {
  /** A body was given a task. */
  ASSIGNMENT_CREATED = 'ASSIGNMENT_CREATED',
  /** The due date is near (timeliness turned DUE_SOON). */
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
  /** Overdue past a threshold of days: to the assigning body's leadership and the inspectors. */
  ESCALATED = 'ESCALATED',
  /** A reminder some days before the due date. */
  DUE_REMINDER = 'DUE_REMINDER',
  /** A reporting period opened: a progress report is expected. */
  REPORT_REQUESTED = 'REPORT_REQUESTED',
  REPORT_DUE_REMINDER = 'REPORT_DUE_REMINDER',
  REPORT_SUBMITTED = 'REPORT_SUBMITTED',
  REPORT_REVIEWED = 'REPORT_REVIEWED',
  EXTENSION_REQUESTED = 'EXTENSION_REQUESTED',
  EXTENSION_DECIDED = 'EXTENSION_DECIDED',
  COMPLETION_REQUESTED = 'COMPLETION_REQUESTED',
  COMPLETION_DECIDED = 'COMPLETION_DECIDED',
  ASSIGNMENT_CANCELLED = 'ASSIGNMENT_CANCELLED',
  /** A reorganization handed a dissolved body's open assignment to its successor. */
  ASSIGNMENT_TRANSFERRED = 'ASSIGNMENT_TRANSFERRED',
  /** An inspection's follow-up date has come. */
  INSPECTION_FOLLOW_UP = 'INSPECTION_FOLLOW_UP',
  /** An inspector recorded a finding on the body's work, with a remedy to carry out. */
  INSPECTION_RECORDED = 'INSPECTION_RECORDED',
}

export const ALL_NOTIFICATION_KINDS: readonly NotificationKind[] = Object.values(NotificationKind);

export function isNotificationKind(value: unknown): value is NotificationKind {
  return (ALL_NOTIFICATION_KINDS as readonly unknown[]).includes(value);
}
