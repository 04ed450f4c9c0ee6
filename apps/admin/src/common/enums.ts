/** The API's enums, in the order screens list them; labels are `domain.<enum>.<VALUE>`. */
export const TIMELINESS = [
  'OVERDUE',
  'DUE_SOON',
  'ON_TRACK',
  'COMPLETED_ON_TIME',
  'COMPLETED_LATE',
  'CANCELLED',
] as const;
export type Timeliness = (typeof TIMELINESS)[number];
/** The four official categories, then due soon: the supervisor's cards. */
export const DASHBOARD_CARDS: readonly Timeliness[] = [
  'COMPLETED_ON_TIME',
  'COMPLETED_LATE',
  'ON_TRACK',
  'OVERDUE',
  'DUE_SOON',
];
export const ASSIGNMENT_STATUS = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'COMPLETION_REQUESTED',
  'COMPLETED',
  'CANCELLED',
] as const;
export const ASSIGNMENT_ROLE = ['LEAD', 'COORDINATE'] as const;
export const CADENCE = ['NONE', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY'] as const;
export const REPORT_STATUS = ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED'] as const;
export const EXTENSION_STATUS = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export const DOCUMENT_STATUS = ['DRAFT', 'PUBLISHED'] as const;
export const INSPECTION_SEVERITY = ['LOW', 'MEDIUM', 'HIGH'] as const;
export const INSPECTION_STATUS = ['OPEN', 'RESOLVED'] as const;
export const ROLE = ['ADMIN', 'SUPERVISOR', 'ORG_OFFICER', 'INSPECTOR', 'VIEWER'] as const;
export const ORGANIZATION_KIND = [
  'PARTY_COMMITTEE',
  'PARTY_COMMISSION',
  'OFFICE',
  'FATHERLAND_FRONT',
  'SOCIO_POLITICAL',
  'PEOPLES_COUNCIL',
  'PEOPLES_COMMITTEE',
  'DEPARTMENT',
  'ARMED_FORCE',
  'EXTERNAL',
] as const;
export const ORGANIZATION_LEVEL = ['CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE'] as const;
export const NOTIFICATION_KIND = [
  'ASSIGNMENT_CREATED',
  'ASSIGNMENT_CANCELLED',
  'REPORT_REQUESTED',
  'REPORT_DUE_REMINDER',
  'REPORT_SUBMITTED',
  'REPORT_REVIEWED',
  'DUE_SOON',
  'DUE_REMINDER',
  'OVERDUE',
  'ESCALATED',
  'EXTENSION_REQUESTED',
  'EXTENSION_DECIDED',
  'COMPLETION_REQUESTED',
  'COMPLETION_DECIDED',
  'INSPECTION_FOLLOW_UP',
] as const;

/** Choices for a SelectInput: react-admin translates the names. */
export function choicesOf(domain: string, values: readonly string[]) {
  return values.map((value) => ({ id: value, name: `domain.${domain}.${value}` }));
}
