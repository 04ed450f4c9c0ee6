import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  AssignmentQuery,
  type AssignmentStatus,
  DEFAULT_WARNING_DAYS,
  daysOverdue,
  emptyCounts,
  type Timeliness,
  tallyTimeliness,
  timelinessColumnsOf,
  timelinessSql,
} from '@dondoc/assignments';
import {
  AssignmentRole,
  type ContentReader,
  confidentialPlaceholder,
  readsDocumentContent,
  taskContentCondition,
} from '@dondoc/directives';
import { type AccessScope, isUuid, scopeCondition } from '@dondoc/organizations';
import { calendarDayOf } from '@dondoc/platform';

import {
  type InspectionLine,
  onTimeRate,
  type PeriodRate,
  type ReportData,
  type ReportDocument,
  type TrackingRow,
} from './report-data.js';

export interface ReportRequest {
  scope: AccessScope;
  requesterOrganizationId: string;
  /** The requester's roles and language: whether a confidential directive's text is theirs to read. */
  requesterRoles: readonly string[];
  locale?: string | null;
  documentId: string | null;
  /** This body and everything under it. */
  organizationId: string | null;
  asOf: Date;
}

interface RawRow {
  assignmentId: string;
  taskId: string;
  documentNumber: string | null;
  taskNumber: string;
  taskText: string;
  organizationId: string;
  organizationName: string;
  role: AssignmentRole;
  baselineDueDate: string | null;
  dueDate: string | null;
  percentComplete: number;
  status: AssignmentStatus;
  completedOn: string | null;
  completionRequestedOn: string | null;
  nextReportDue: string | null;
  completionSummary: string | null;
  cancelReason: string | null;
  lastResults: string | null;
  timeliness: Timeliness;
  readable: boolean;
}

/**
 * Gathers what a report shows, read exactly as the caller reads assignments (the same
 * scoped query as `allAssignments` and the dashboard, with the document and organization
 * filters), and counted with the dashboard's own SQL rule and tally, so the file's figures
 * are the dashboard's figures for the same day.
 */
@Injectable()
export class ReportDataService {
  constructor(
    private readonly query: AssignmentQuery,
    private readonly dataSource: DataSource,
  ) {}

  async gather(request: ReportRequest): Promise<ReportData> {
    const today = calendarDayOf(request.asOf);
    const rows = await this.trackingRows(request, today);
    const { byTimeliness, byOrganization } = tallyTimeliness(
      rows.map((row) => ({ organizationId: row.organizationId, timeliness: row.timeliness, count: 1 })),
    );
    const names = new Map(rows.map((row) => [row.organizationId, row.organizationName]));
    const overdueRows = rows
      .filter((row) => row.timeliness === 'OVERDUE')
      .sort(
        (a, b) => b.daysOverdue - a.daysOverdue || a.organizationName.localeCompare(b.organizationName, 'vi'),
      );
    const inspections = await this.inspectionsOf(overdueRows.map((row) => row.assignmentId));
    return {
      asOf: request.asOf,
      today,
      document: request.documentId ? await this.documentOf(request.documentId, readerOf(request)) : null,
      organization: request.organizationId ? await this.organizationOf(request.organizationId) : null,
      issuer: await this.issuerOf(request.requesterOrganizationId),
      total: rows.length,
      byTimeliness,
      byOrganization: [...byOrganization.values()]
        .map((counts) => ({ ...counts, name: names.get(counts.organizationId) ?? '' }))
        .sort(
          (a, b) =>
            b.counts.OVERDUE - a.counts.OVERDUE || b.total - a.total || a.name.localeCompare(b.name, 'vi'),
        ),
      rows,
      overdue: overdueRows.map((row) => ({ row, inspections: inspections.get(row.assignmentId) ?? [] })),
      periods: await this.periodRates(request),
    };
  }

  private async trackingRows(request: ReportRequest, today: string): Promise<TrackingRow[]> {
    const timeliness = timelinessSql(timelinessColumnsOf('a'), {
      today: ':today',
      warningDays: ':warningDays',
      against: 'current',
    });
    // A confidential directive's task text (and the notes that may quote it) only for whom may read it.
    const readable = taskContentCondition('t.id', 'd', readerOf(request));
    const raw = (await this.query
      .filtered(request.scope, {
        documentId: request.documentId,
        organizationId: request.organizationId,
        includeDescendants: true,
      })
      .innerJoin('tasks', 't', 't.id = a.task_id')
      .innerJoin('documents', 'd', 'd.id = a.document_id')
      .innerJoin('organizations', 'o', 'o.id = a.organization_id')
      .select('a.id', 'assignmentId')
      .addSelect('a.task_id', 'taskId')
      .addSelect('d.number', 'documentNumber')
      .addSelect('t.number', 'taskNumber')
      .addSelect('t.text', 'taskText')
      .addSelect('a.organization_id', 'organizationId')
      .addSelect('o.name', 'organizationName')
      .addSelect('a.role', 'role')
      .addSelect(`to_char(a.baseline_due_date, 'YYYY-MM-DD')`, 'baselineDueDate')
      .addSelect(`to_char(a.due_date, 'YYYY-MM-DD')`, 'dueDate')
      .addSelect('a.percent_complete', 'percentComplete')
      .addSelect('a.status', 'status')
      .addSelect(`to_char(a.completed_on, 'YYYY-MM-DD')`, 'completedOn')
      .addSelect(`to_char(a.completion_requested_on, 'YYYY-MM-DD')`, 'completionRequestedOn')
      .addSelect(`to_char(a.next_report_due, 'YYYY-MM-DD')`, 'nextReportDue')
      .addSelect('a.completion_summary', 'completionSummary')
      .addSelect('a.cancel_reason', 'cancelReason')
      .addSelect(
        `(SELECT r.results FROM progress_reports r
           WHERE r.assignment_id = a.id AND r.status = 'ACCEPTED' AND r.results <> ''
           ORDER BY r.period DESC LIMIT 1)`,
        'lastResults',
      )
      .addSelect(`(${timeliness})`, 'timeliness')
      .addSelect(readable.sql, 'readable')
      .setParameters({ ...readable.parameters, today, warningDays: DEFAULT_WARNING_DAYS })
      .orderBy('d.date', 'ASC', 'NULLS LAST')
      .addOrderBy('a.document_id')
      .addOrderBy('t.position')
      .addOrderBy('a.role', 'DESC') // LEAD before COORDINATE
      .addOrderBy('o.name')
      .addOrderBy('a.id')
      .getRawMany()) as RawRow[];

    const byTask = new Map<string, { leads: string[]; coordinators: string[] }>();
    for (const row of raw) {
      const task = byTask.get(row.taskId) ?? { leads: [], coordinators: [] };
      (row.role === AssignmentRole.LEAD ? task.leads : task.coordinators).push(row.organizationName);
      byTask.set(row.taskId, task);
    }
    return raw.map((row) => {
      const task = byTask.get(row.taskId)!;
      return {
        assignmentId: row.assignmentId,
        documentNumber: row.documentNumber,
        taskNumber: row.taskNumber,
        taskText: row.readable ? row.taskText : confidentialPlaceholder(row.documentNumber, request.locale),
        organizationId: row.organizationId,
        organizationName: row.organizationName,
        role: row.role,
        leads: task.leads,
        coordinators: task.coordinators,
        baselineDueDate: row.baselineDueDate,
        dueDate: row.dueDate,
        percentComplete: row.percentComplete,
        status: row.status,
        timeliness: row.timeliness,
        daysOverdue: daysOverdue(
          {
            status: row.status,
            dueDate: row.dueDate,
            baselineDueDate: row.baselineDueDate,
            completedOn: row.completedOn,
            completionRequestedOn: row.completionRequestedOn,
            nextReportDue: row.nextReportDue,
          },
          { today, warningDays: DEFAULT_WARNING_DAYS },
        ),
        note: row.readable ? row.completionSummary || row.lastResults || row.cancelReason || '' : '',
      };
    });
  }

  /** The inspections on the given assignments, newest first (the oversight table). */
  private async inspectionsOf(assignmentIds: string[]): Promise<Map<string, InspectionLine[]>> {
    const found = new Map<string, InspectionLine[]>();
    if (assignmentIds.length === 0) return found;
    const rows = (await this.dataSource.query(
      `SELECT i.assignment_id AS "assignmentId", i.severity, i.finding, i.remedy,
              to_char(i.follow_up_date, 'YYYY-MM-DD') AS "followUpDate", i.status
         FROM inspections i
        WHERE i.assignment_id = ANY($1::uuid[])
        ORDER BY i.assignment_id, i.created_at DESC`,
      [assignmentIds],
    )) as (InspectionLine & { assignmentId: string })[];
    for (const { assignmentId, ...line } of rows) {
      found.set(assignmentId, [...(found.get(assignmentId) ?? []), line]);
    }
    return found;
  }

  /**
   * Each body's frozen figures per reporting period (`period_snapshots`), for the bodies in
   * the caller's scope (and under the chosen body), counted with the dashboard's tally.
   */
  private async periodRates(request: ReportRequest): Promise<PeriodRate[]> {
    const scope = scopeCondition('o.path', request.scope);
    const builder = this.dataSource
      .createQueryBuilder()
      .from('period_snapshots', 's')
      .innerJoin('organizations', 'o', 'o.id = s.organization_id')
      .where(scope.sql, scope.parameters)
      .select('s.period', 'period')
      .addSelect('s.organization_id', 'organizationId')
      .addSelect('o.name', 'organizationName')
      .addSelect('s.timeliness', 'timeliness')
      .addSelect('count(*)::int', 'count')
      .groupBy('s.period')
      .addGroupBy('s.organization_id')
      .addGroupBy('o.name')
      .addGroupBy('s.timeliness');
    if (request.documentId)
      builder.andWhere('s.document_id = :documentId', { documentId: uuidOrNone(request.documentId) });
    if (request.organizationId) {
      builder.andWhere('o.path <@ (SELECT path FROM organizations WHERE id = :organizationId)', {
        organizationId: uuidOrNone(request.organizationId),
      });
    }
    const raw = (await builder.getRawMany()) as {
      period: string;
      organizationId: string;
      organizationName: string;
      timeliness: Timeliness;
      count: number;
    }[];
    const periods = new Map<string, typeof raw>();
    for (const row of raw) periods.set(row.period, [...(periods.get(row.period) ?? []), row]);
    const rates: PeriodRate[] = [];
    for (const [period, rows] of [...periods].sort(([a], [b]) => a.localeCompare(b))) {
      const names = new Map(rows.map((row) => [row.organizationId, row.organizationName]));
      for (const counts of tallyTimeliness(rows).byOrganization.values()) {
        rates.push({
          period,
          organizationId: counts.organizationId,
          organizationName: names.get(counts.organizationId) ?? '',
          counts: { ...emptyCounts(), ...counts.counts },
          total: counts.total,
          onTimeRate: onTimeRate(counts.counts),
        });
      }
    }
    return rates.sort(
      (a, b) =>
        a.period.localeCompare(b.period) || a.organizationName.localeCompare(b.organizationName, 'vi'),
    );
  }

  private async documentOf(id: string, reader: ContentReader): Promise<ReportDocument | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, number, type, issuer, place, to_char(date, 'YYYY-MM-DD') AS date, title, signer, recipients,
              confidential, owner_path::text AS "ownerPath"
         FROM documents WHERE id = $1`,
      [uuidOrNone(id)],
    )) as (ReportDocument & { confidential: boolean; ownerPath: string })[];
    if (!row) return null;
    const { confidential, ownerPath, ...document } = row;
    if (readsDocumentContent(reader, { confidential, ownerPath })) return document;
    // No title: the report then cites the document by its type, number and date alone.
    return {
      ...document,
      title: null,
      signer: null,
      recipients: [],
    };
  }

  private async organizationOf(id: string): Promise<{ id: string; name: string } | null> {
    const [row] = (await this.dataSource.query('SELECT id, name FROM organizations WHERE id = $1', [
      uuidOrNone(id),
    ])) as { id: string; name: string }[];
    return row ?? null;
  }

  private async issuerOf(organizationId: string): Promise<{ name: string; parentName: string | null }> {
    const [row] = (await this.dataSource.query(
      `SELECT o.name, p.name AS "parentName"
         FROM organizations o LEFT JOIN organizations p ON p.id = o.parent_id
        WHERE o.id = $1`,
      [uuidOrNone(organizationId)],
    )) as { name: string; parentName: string | null }[];
    return row ?? { name: '', parentName: null };
  }
}

function readerOf(request: ReportRequest): ContentReader {
  return {
    scope: request.scope,
    organizationId: request.requesterOrganizationId,
    roles: request.requesterRoles,
    locale: request.locale,
  };
}

function uuidOrNone(text: string): string {
  return isUuid(text) ? text : '00000000-0000-0000-0000-000000000000';
}
