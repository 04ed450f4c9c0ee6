import type { AssignmentStatus, OrganizationCounts, Timeliness } from '@dondoc/assignments';
import type { AssignmentRole } from '@dondoc/directives';

/** The directive the report is about, as its header was read (null fields where unknown). */
export interface ReportDocument {
  id: string;
  number: string | null;
  type: string | null;
  issuer: string | null;
  place: string | null;
  date: string | null;
  title: string | null;
  signer: { onBehalfOf: string | null; position: string | null; name: string | null } | null;
  recipients: { text: string; purpose: string | null }[];
}

/** One assignment, as a row of the tracking table. */
export interface TrackingRow {
  assignmentId: string;
  documentNumber: string | null;
  taskNumber: string;
  taskText: string;
  organizationId: string;
  organizationName: string;
  role: AssignmentRole;
  /** The task's lead bodies and its coordinators, among the rows in scope. */
  leads: string[];
  coordinators: string[];
  baselineDueDate: string | null;
  dueDate: string | null;
  percentComplete: number;
  status: AssignmentStatus;
  timeliness: Timeliness;
  daysOverdue: number;
  /** Completion summary, else the latest accepted report's results, else the cancel reason. */
  note: string;
}

export interface InspectionLine {
  severity: string;
  finding: string;
  remedy: string;
  followUpDate: string;
  status: string;
}

export interface OverdueItem {
  row: TrackingRow;
  inspections: InspectionLine[];
}

export interface OrganizationLine extends OrganizationCounts {
  name: string;
}

/** One body's frozen figures for one reporting period, and its on-time rate. */
export interface PeriodRate {
  period: string;
  organizationId: string;
  organizationName: string;
  counts: Record<Timeliness, number>;
  total: number;
  /** Completed on time ÷ (completed on time + completed late + overdue); null when none was due. */
  onTimeRate: number | null;
}

/** Everything a file needs, gathered once, in the requesting caller's scope. */
export interface ReportData {
  asOf: Date;
  /** The calendar day of `asOf` in Asia/Ho_Chi_Minh. */
  today: string;
  document: ReportDocument | null;
  /** The body the export was narrowed to (with everything under it), if any. */
  organization: { id: string; name: string } | null;
  /** The requester's body: it issues the report. */
  issuer: { name: string; parentName: string | null };
  total: number;
  byTimeliness: Record<Timeliness, number>;
  byOrganization: OrganizationLine[];
  rows: TrackingRow[];
  overdue: OverdueItem[];
  periods: PeriodRate[];
}

/** The on-time rate of a set of counts: done on time among what has come due. */
export function onTimeRate(counts: Record<Timeliness, number>): number | null {
  const due = counts.COMPLETED_ON_TIME + counts.COMPLETED_LATE + counts.OVERDUE;
  return due === 0 ? null : counts.COMPLETED_ON_TIME / due;
}
