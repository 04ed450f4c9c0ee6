import { DEFAULT_REPORTING_DEADLINES, periodOf, reportDeadlines } from '@dondoc/assignments';
import { AuditChainVersion, auditEventHash, GENESIS_HASH, type JsonValue } from '@dondoc/audit';
import { Cadence } from '@dondoc/directives';
import { addDays, type CalendarDay, daysBetween } from '@dondoc/platform';

import type { BenchProvince } from './bench-organizations.js';
import type { BenchScale } from './bench-scale.js';
import { copyLine, textArray } from './copy-text.js';
import type { SeededRandom } from './seeded-random.js';
import {
  DOCUMENT_KINDS,
  REPORT_DIFFICULTIES,
  REPORT_RESULTS,
  TASK_ENDINGS,
  TASK_OPENINGS,
  TASK_SUBJECTS,
} from './vietnamese-names.js';

export interface RowSink {
  write(line: string): Promise<void>;
}

export interface WorkSinks {
  documents: RowSink;
  tasks: RowSink;
  assignments: RowSink;
  progressReports: RowSink;
  auditEvents: RowSink;
}

export const DOCUMENT_COLUMNS = [
  'id',
  'status',
  'number',
  'type',
  'issuer',
  'place',
  'date',
  'title',
  'text',
  'owner_organization_id',
  'owner_path',
  'created_by',
  'published_at',
  'created_at',
  'updated_at',
];
export const TASK_COLUMNS = [
  'id',
  'document_id',
  'number',
  'position',
  'text',
  'kind',
  'cadence',
  'created_at',
  'updated_at',
];
export const ASSIGNMENT_COLUMNS = [
  'id',
  'task_id',
  'document_id',
  'organization_id',
  'organization_path',
  'assigned_by_organization_id',
  'role',
  'status',
  'due_date',
  'baseline_due_date',
  'cadence',
  'percent_complete',
  'completed_on',
  'completion_requested_on',
  'completion_summary',
  'next_report_due',
  'cancel_reason',
  'version',
  'created_at',
  'updated_at',
];
export const REPORT_COLUMNS = [
  'id',
  'assignment_id',
  'period',
  'percent_complete',
  'results',
  'difficulties',
  'proposals',
  'status',
  'review_comment',
  'submitted_at',
  'reviewed_at',
  'version',
  'created_at',
  'updated_at',
];
export const AUDIT_COLUMNS = [
  'occurred_at',
  'actor_id',
  'actor_organization_id',
  'action',
  'entity_type',
  'entity_id',
  'before',
  'after',
  'request_id',
  'subject_paths',
  'chain_version',
  'previous_hash',
  'hash',
];

/** The supervisor of each province (keyed by the province root's id), who published its documents. */
export type Publishers = Map<string, string>;

/** How far around today due dates spread: a year and a half each way, three years in all. */
const HALF_SPAN_DAYS = 547;

/**
 * Writes the work of the data set — documents, their tasks, the assignments of each task to
 * bodies of the document's province, progress reports and the audit trail of what was
 * published and assigned — in one deterministic pass.
 *
 * Statuses follow the product's rules (a submitted report makes work IN_PROGRESS, continuous
 * work is late through its next report, a completion requested in time is on track). Of the
 * open work exactly every fifth item is overdue: past its due date (or, continuous, past its
 * next report's due day) and, if completion was requested, requested after the due date.
 */
export async function writeWork(
  random: SeededRandom,
  scale: BenchScale,
  provinces: readonly BenchProvince[],
  publishers: Publishers,
  today: CalendarDay,
  sinks: WorkSinks,
  onAssignments: (done: number) => void,
): Promise<void> {
  const days = new DayNames(today);
  const quarters = new QuarterCalendar(today);
  let previousHash = GENESIS_HASH;
  const audit = async (event: {
    occurredAt: string;
    actorId: string | null;
    actorOrganizationId: string | null;
    action: string;
    entityType: string;
    entityId: string;
    after: JsonValue;
    subjectPaths: string[];
  }) => {
    // Version 1 (plain SHA-256): the bench runs without the deployment's AUDIT_KEY, so its
    // trail stands for history recorded before the chain was keyed. Its subject paths are
    // stored for the scoped reads being measured, though version 1 does not cover them.
    const subjectPaths = [...new Set(event.subjectPaths)].sort();
    const hash = auditEventHash(
      {
        ...event,
        occurredAt: new Date(event.occurredAt),
        before: null,
        requestId: null,
        subjectPaths,
        chainVersion: AuditChainVersion.PLAIN,
        previousHash,
      },
      null,
    );
    await sinks.auditEvents.write(
      copyLine([
        event.occurredAt,
        event.actorId,
        event.actorOrganizationId,
        event.action,
        event.entityType,
        event.entityId,
        null,
        JSON.stringify(event.after),
        null,
        textArray(subjectPaths),
        AuditChainVersion.PLAIN,
        previousHash,
        hash,
      ]),
    );
    previousHash = hash;
  };

  let openCount = 0;
  let assignmentCount = 0;
  for (let d = 0; d < scale.documents; d++) {
    const province = provinces[d % provinces.length] as BenchProvince;
    const publisher = publishers.get(province.root.id) ?? null;
    const kind = random.pick(DOCUMENT_KINDS);
    const subject = random.pick(TASK_SUBJECTS);
    const documentId = random.uuid();
    const dated = -random.int(HALF_SPAN_DAYS + 10, HALF_SPAN_DAYS + 200);
    const publishedAt = `${days.name(dated + random.int(1, 10))}T0${random.int(1, 9)}:${pad(random.int(0, 59))}:00.000Z`;
    const issuer = province.root.name.toUpperCase();
    const number = `${100 + Math.floor(d / provinces.length)}-${kind.symbol}/${province.province.city ? 'TU' : 'TU'}`;
    const title = `${kind.title} ${subject}`;
    await sinks.documents.write(
      copyLine([
        documentId,
        'PUBLISHED',
        number,
        kind.type,
        issuer,
        province.province.name,
        days.name(dated),
        title,
        `${issuer}\n${number}\n${kind.type}\n${title}`,
        province.office.id,
        province.office.path,
        publisher,
        publishedAt,
        publishedAt,
        publishedAt,
      ]),
    );
    await audit({
      occurredAt: publishedAt,
      actorId: publisher,
      actorOrganizationId: province.office.id,
      action: 'document.published',
      entityType: 'document',
      entityId: documentId,
      after: { number, status: 'PUBLISHED' },
      subjectPaths: [province.office.path],
    });

    const bodies = province.bodies;
    for (let t = 0; t < scale.tasksPerDocument; t++) {
      const taskId = random.uuid();
      const shared = random.chance(0.3);
      const text = `${random.pick(TASK_OPENINGS)} ${random.pick(TASK_SUBJECTS)} ${random.pick(TASK_ENDINGS)}`;
      await sinks.tasks.write(
        copyLine([
          taskId,
          documentId,
          String(t + 1),
          t,
          text,
          shared ? 'SHARED' : 'JOINT',
          Cadence.QUARTERLY,
          publishedAt,
          publishedAt,
        ]),
      );
      // Distinct bodies of the province: a partial Fisher–Yates shuffle of the province's list.
      const count = Math.min(scale.assignmentsPerTask, bodies.length);
      for (let i = 0; i < count; i++) {
        const j = i + Math.floor(random.next() * (bodies.length - i));
        const swap = bodies[i] as (typeof bodies)[number];
        bodies[i] = bodies[j] as (typeof bodies)[number];
        bodies[j] = swap;
      }
      for (let i = 0; i < count; i++) {
        const organization = bodies[i] as (typeof bodies)[number];
        const facts = drawFacts(random, () => openCount++ % 5 === 0, quarters);
        const assignmentId = random.uuid();
        const role = shared || i === 0 ? 'LEAD' : 'COORDINATE';
        const due = facts.due === null ? null : days.name(facts.due);
        const baseline = facts.baseline === null ? null : days.name(facts.baseline);
        const reports = reportPlan(random, scale.reportsPerAssignment, facts, quarters, days);
        await sinks.assignments.write(
          copyLine([
            assignmentId,
            taskId,
            documentId,
            organization.id,
            organization.path,
            province.office.id,
            role,
            facts.status,
            due,
            baseline,
            Cadence.QUARTERLY,
            facts.percent,
            facts.completedOn === null ? null : days.name(facts.completedOn),
            facts.requestedOn === null ? null : days.name(facts.requestedOn),
            facts.requestedOn === null ? null : 'Đã hoàn thành các nội dung được giao.',
            facts.nextReportDue,
            facts.status === 'CANCELLED' ? 'Nội dung đã được lồng ghép vào nhiệm vụ khác.' : null,
            1 + reports.filter((r) => r.status !== 'DRAFT').length + (facts.status === 'NOT_STARTED' ? 0 : 1),
            publishedAt,
            publishedAt,
          ]),
        );
        await audit({
          occurredAt: publishedAt,
          actorId: publisher,
          actorOrganizationId: province.office.id,
          action: 'assignment.created',
          entityType: 'assignment',
          entityId: assignmentId,
          after: {
            taskId,
            organizationId: organization.id,
            role,
            status: 'NOT_STARTED',
            dueDate: baseline,
            baselineDueDate: baseline,
            cadence: Cadence.QUARTERLY,
            percentComplete: 0,
            completedOn: null,
            completionRequestedOn: null,
            nextReportDue:
              facts.due === null ? quarters.dueOf(quarters.current - scale.reportsPerAssignment) : null,
            version: 1,
          },
          subjectPaths: [organization.path, province.office.path],
        });
        for (const report of reports) {
          const submittedAt =
            report.status === 'DRAFT' ? null : `${report.submittedOn}T02:${pad(random.int(0, 59))}:00.000Z`;
          const reviewed = report.status === 'ACCEPTED' || report.status === 'RETURNED';
          await sinks.progressReports.write(
            copyLine([
              random.uuid(),
              assignmentId,
              report.period,
              report.percent,
              report.status === 'DRAFT' ? '' : random.pick(REPORT_RESULTS),
              report.status === 'DRAFT' ? '' : random.pick(REPORT_DIFFICULTIES),
              '',
              report.status,
              report.status === 'RETURNED' ? 'Đề nghị bổ sung số liệu cụ thể.' : null,
              submittedAt,
              reviewed ? `${report.reviewedOn}T03:00:00.000Z` : null,
              report.status === 'DRAFT' ? 1 : 2,
              submittedAt ?? `${report.submittedOn}T00:00:00.000Z`,
              submittedAt ?? `${report.submittedOn}T00:00:00.000Z`,
            ]),
          );
        }
        assignmentCount++;
        if (assignmentCount % 10_000 === 0) onAssignments(assignmentCount);
      }
    }
  }
  onAssignments(assignmentCount);
}

interface Facts {
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETION_REQUESTED' | 'COMPLETED' | 'CANCELLED';
  /** Days from today. */
  due: number | null;
  baseline: number | null;
  completedOn: number | null;
  requestedOn: number | null;
  nextReportDue: CalendarDay | null;
  percent: number;
  /** The last quarter (index) a report is for. */
  lastReportQuarter: number;
}

function drawFacts(random: SeededRandom, nextOpenIsOverdue: () => boolean, quarters: QuarterCalendar): Facts {
  const r = random.next();
  const continuous = random.chance(0.04);
  const previous = quarters.current - 1;
  if (r < 0.55) {
    const overdue = nextOpenIsOverdue();
    const s = random.next();
    const status = s < 0.2 ? 'NOT_STARTED' : s < 0.9 ? 'IN_PROGRESS' : 'COMPLETION_REQUESTED';
    const percent = status === 'NOT_STARTED' ? 0 : status === 'IN_PROGRESS' ? random.int(5, 95) : 100;
    if (continuous) {
      // Late through its reports: the last quarter's report is not in (a DRAFT slot).
      const nextReportDue = overdue ? quarters.dueOf(previous) : quarters.nextDueFromToday();
      return {
        status,
        due: null,
        baseline: null,
        completedOn: null,
        requestedOn: status === 'COMPLETION_REQUESTED' ? -random.int(0, 20) : null,
        nextReportDue,
        percent,
        lastReportQuarter: previous,
      };
    }
    const due = overdue ? -random.int(1, HALF_SPAN_DAYS) : random.int(0, HALF_SPAN_DAYS);
    // Asked for after the due date (still overdue), or in time (on track) — at the latest today.
    const requestedOn =
      status !== 'COMPLETION_REQUESTED'
        ? null
        : overdue
          ? Math.min(0, due + random.int(1, 60))
          : -random.int(0, 20);
    return {
      status,
      due,
      baseline: random.chance(0.1) ? due - random.int(15, 90) : due,
      completedOn: null,
      requestedOn,
      nextReportDue: null,
      percent,
      lastReportQuarter: previous,
    };
  }
  if (r < 0.6) {
    const due = continuous ? null : random.int(-HALF_SPAN_DAYS, HALF_SPAN_DAYS);
    return {
      status: 'CANCELLED',
      due,
      baseline: due,
      completedOn: null,
      requestedOn: null,
      nextReportDue: null,
      percent: random.int(0, 60),
      lastReportQuarter: previous,
    };
  }
  const due = continuous
    ? null
    : random.chance(0.87)
      ? -random.int(1, HALF_SPAN_DAYS)
      : random.int(0, HALF_SPAN_DAYS);
  let completedOn: number;
  if (due === null) completedOn = -random.int(1, 300);
  else if (due < 0)
    completedOn = random.chance(0.8) ? due - random.int(0, 60) : Math.min(0, due + random.int(1, 90));
  else completedOn = -random.int(0, 60);
  return {
    status: 'COMPLETED',
    due,
    baseline: due !== null && random.chance(0.1) ? due - random.int(15, 90) : due,
    completedOn,
    requestedOn: completedOn - random.int(0, 7),
    nextReportDue: null,
    percent: 100,
    lastReportQuarter: Math.min(previous, quarters.quarterOfOffset(completedOn)),
  };
}

interface PlannedReport {
  period: string;
  percent: number;
  status: 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
  submittedOn: CalendarDay;
  reviewedOn: CalendarDay;
}

/**
 * `count` quarterly reports ending with the facts' last report quarter. Work not started has
 * only DRAFT slots (a submitted report would have started it); continuous overdue work has
 * its last quarter's report still a DRAFT (that is why it is late).
 */
function reportPlan(
  random: SeededRandom,
  count: number,
  facts: Facts,
  quarters: QuarterCalendar,
  days: DayNames,
): PlannedReport[] {
  const reports: PlannedReport[] = [];
  const lateContinuous =
    facts.due === null &&
    facts.nextReportDue !== null &&
    facts.nextReportDue === quarters.dueOf(quarters.current - 1);
  for (let k = count - 1; k >= 0; k--) {
    const quarter = facts.lastReportQuarter - k;
    const submittedOn = quarters.dueOffset(quarter) - random.int(0, 10);
    const last = k === 0;
    let status: PlannedReport['status'];
    if (facts.status === 'NOT_STARTED' || (last && lateContinuous)) status = 'DRAFT';
    else if (!last) status = 'ACCEPTED';
    else {
      const s = random.next();
      status = s < 0.5 ? 'ACCEPTED' : s < 0.9 ? 'SUBMITTED' : 'RETURNED';
    }
    reports.push({
      period: quarters.idOf(quarter),
      percent: status === 'DRAFT' ? 0 : Math.round((facts.percent * (count - k)) / count),
      status,
      submittedOn: days.name(submittedOn),
      reviewedOn: days.name(submittedOn + random.int(1, 5)),
    });
  }
  return reports;
}

/** Calendar day names relative to today, cached: a million rows ask for the same few thousand days. */
class DayNames {
  private readonly cache = new Map<number, CalendarDay>();
  constructor(private readonly today: CalendarDay) {}
  name(offset: number): CalendarDay {
    let day = this.cache.get(offset);
    if (day === undefined) {
      day = addDays(this.today, offset);
      this.cache.set(offset, day);
    }
    return day;
  }
}

/** Quarters as whole numbers (year × 4 + quarter − 1), with the product's report due days. */
class QuarterCalendar {
  readonly current: number;
  private readonly dues = new Map<number, CalendarDay>();
  private readonly dueOffsets = new Map<number, number>();
  private readonly quartersOfOffsets = new Map<number, number>();
  constructor(private readonly today: CalendarDay) {
    this.current = QuarterCalendar.indexOf(periodOf(Cadence.QUARTERLY, today).id);
  }
  static indexOf(id: string): number {
    return Number(id.slice(0, 4)) * 4 + Number(id.slice(6)) - 1;
  }
  idOf(quarter: number): string {
    return `${Math.floor(quarter / 4)}-Q${(quarter % 4) + 1}`;
  }
  dueOf(quarter: number): CalendarDay {
    let due = this.dues.get(quarter);
    if (due === undefined) {
      const period = periodOf(
        Cadence.QUARTERLY,
        `${Math.floor(quarter / 4)}-${pad((quarter % 4) * 3 + 1)}-01`,
      );
      due = reportDeadlines(period, DEFAULT_REPORTING_DEADLINES).due;
      this.dues.set(quarter, due);
    }
    return due;
  }
  /** The due day of the first quarter's report that is due today or later. */
  nextDueFromToday(): CalendarDay {
    return this.dueOf(this.current) >= this.today ? this.dueOf(this.current) : this.dueOf(this.current + 1);
  }
  /** The report due day of a quarter, in days from today. */
  dueOffset(quarter: number): number {
    let offset = this.dueOffsets.get(quarter);
    if (offset === undefined) {
      offset = daysBetween(this.today, this.dueOf(quarter));
      this.dueOffsets.set(quarter, offset);
    }
    return offset;
  }
  quarterOfOffset(offset: number): number {
    let quarter = this.quartersOfOffsets.get(offset);
    if (quarter === undefined) {
      quarter = QuarterCalendar.indexOf(periodOf(Cadence.QUARTERLY, addDays(this.today, offset)).id);
      this.quartersOfOffsets.set(offset, quarter);
    }
    return quarter;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
