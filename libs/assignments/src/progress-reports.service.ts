import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository, type SelectQueryBuilder } from 'typeorm';

import {
  assignmentHiddenSql,
  type ContentReader,
  DirectiveDocument,
  withContentFlag,
} from '@dondoc/directives';
import { type AccessScope, isUuid, scopeCondition } from '@dondoc/organizations';
import { type ListParams, notFound, Outbox, pageQuery, resolveListParams } from '@dondoc/platform';
import { AuditTrail } from '@dondoc/audit';

import type { Acting } from './acting.js';
import { assignmentAuditSubject } from './assignment-audit-subjects.js';
import { AssignmentEvent, nextStatus } from './assignment-status.js';
import { AssignmentWriter } from './assignment-writer.js';
import { Assignment } from './assignment.entity.js';
import { conflict, invalid, notFoundAs, REPORT } from './assignment.errors.js';
import { AssignmentsService } from './assignments.service.js';
import { Cadence } from './cadence.js';
import { ProgressReport, ReportStatus } from './progress-report.entity.js';
import { parsePeriod, reportDueAfter } from './reporting-period.js';

export interface SubmitReportInput {
  assignmentId: string;
  period: string;
  percentComplete: number;
  results?: string | null;
  difficulties?: string | null;
  proposals?: string | null;
  expectedVersion?: number | null;
}

export interface ProgressReportFilter {
  ids?: string[] | null;
  assignmentId?: string | null;
  status?: ReportStatus[] | null;
  period?: string | null;
}

const SORTABLE: Record<string, string> = {
  id: 'r.id',
  period: 'r.period',
  status: 'r.status',
  submittedAt: 'r.submitted_at',
  percentComplete: 'r.percent_complete',
  createdAt: 'r.created_at',
};

/** Progress reports: one per assignment and period, submitted by the assignee, reviewed by the assigner. */
@Injectable()
export class ProgressReportsService {
  constructor(
    @InjectRepository(ProgressReport) private readonly reports: Repository<ProgressReport>,
    private readonly dataSource: DataSource,
    private readonly writer: AssignmentWriter,
    private readonly assignments: AssignmentsService,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Submits (or, after a RETURN, resubmits) the report of one period: the assignment takes
   * its percent, a NOT_STARTED assignment becomes IN_PROGRESS, and continuous work's next
   * report falls due a period later.
   */
  async submit(acting: Acting, input: SubmitReportInput): Promise<ProgressReport> {
    if (
      !Number.isInteger(input.percentComplete) ||
      input.percentComplete < 0 ||
      input.percentComplete > 100
    ) {
      throw invalid(
        'percentComplete',
        'percentComplete must be a whole number from 0 to 100',
        'Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100',
      );
    }
    const period = parsePeriod(input.period);
    return this.dataSource.transaction(async (manager) => {
      const { assignment, document, existingReportId } = await this.lockForReport(
        manager,
        acting,
        input,
        period.id,
      );
      if (assignment.cadence !== Cadence.NONE && period.cadence !== assignment.cadence) {
        throw invalid(
          'period',
          `This assignment reports ${assignment.cadence.toLowerCase().replace('_', '-')}: ${input.period} is not one of its periods`,
          `Nhiệm vụ này báo cáo theo kỳ ${assignment.cadence}: ${input.period} không phải kỳ báo cáo của nhiệm vụ`,
        );
      }
      const repository = manager.getRepository(ProgressReport);
      // Read in full only when there is one (a DRAFT slot, a RETURNED report, or a refusal).
      const existing =
        existingReportId === null ? null : await repository.findOneByOrFail({ id: existingReportId });
      if (existing && existing.status !== ReportStatus.RETURNED && existing.status !== ReportStatus.DRAFT) {
        throw conflict(
          `The report for ${period.id} is already ${existing.status.toLowerCase()}: it can be sent again only after it is returned`,
          `Báo cáo kỳ ${period.id} đã ${existing.status === ReportStatus.ACCEPTED ? 'được chấp nhận' : 'được gửi'}: chỉ gửi lại khi bị trả lại`,
          { reportId: existing.id, status: existing.status },
        );
      }
      const report =
        existing ?? repository.create({ assignmentId: assignment.id, period: period.id, version: 0 });
      const reportBefore = existing ? { ...existing } : null;
      const submitted = {
        percentComplete: input.percentComplete,
        results: input.results?.trim() ?? '',
        difficulties: input.difficulties?.trim() ?? '',
        proposals: input.proposals?.trim() ?? '',
        status: ReportStatus.SUBMITTED,
        submittedAt: new Date(),
        submittedBy: acting.userId,
        version: (report.version ?? 0) + 1,
      };
      Object.assign(report, submitted);
      // One statement each way, without the read-back `save` makes to find what changed.
      if (existing) {
        const { raw } = await repository
          .createQueryBuilder()
          .update()
          .set(submitted)
          .where('id = :id', { id: existing.id })
          .returning('updated_at')
          .execute();
        report.updatedAt = (raw as { updated_at: Date }[])[0].updated_at;
      } else {
        // insert() fills the generated id, defaults and timestamps in from RETURNING.
        await repository.insert(report).catch((error: unknown) => {
          // The lock's statement read the period's report before it waited for the row: a
          // submission committed meanwhile is found only by the unique key. Refused as ever.
          if ((error as { code?: string }).code === '23505') {
            throw conflict(
              `The report for ${period.id} is already submitted: it can be sent again only after it is returned`,
              `Báo cáo kỳ ${period.id} đã được gửi: chỉ gửi lại khi bị trả lại`,
              { status: ReportStatus.SUBMITTED },
            );
          }
          throw error;
        });
      }
      const saved = report;
      await this.audit.record(manager, {
        ...acting.audit,
        // A DRAFT slot opened by the sweep is a first submission; after a RETURN it is a resubmission.
        action: reportBefore?.status === ReportStatus.RETURNED ? 'report.resubmitted' : 'report.submitted',
        entityType: 'progress_report',
        entityId: saved.id,
        before: reportBefore ? reportView(reportBefore) : null,
        after: reportView(saved),
        subjectOrganizationIds: document.subjects,
      });

      const before = { ...assignment };
      assignment.status = nextStatus(assignment.status, AssignmentEvent.REPORT_SUBMITTED);
      assignment.percentComplete = input.percentComplete;
      if (assignment.dueDate === null && assignment.cadence !== Cadence.NONE) {
        const next = reportDueAfter(period.id, {
          cutoffDay: document.reportCutoffDay,
          reportDueDay: document.reportDueDay,
        });
        if (!assignment.nextReportDue || next > assignment.nextReportDue) assignment.nextReportDue = next;
      }
      const updated = await this.writer.save(manager, acting, before, assignment, {
        action: 'assignment.progress_reported',
        topic: 'report.submitted',
        payload: { reportId: saved.id, period: period.id },
        subjects: document.subjects,
      });
      await this.assignments.rollUp(manager, acting, updated);
      return saved;
    });
  }

  /**
   * Locks the assignment as `AssignmentWriter.lock` does, and in the same statement reads what
   * a submission needs besides: its document's reporting days and owner (the audit subjects
   * are the assignee, the assigner and the owner, as assignmentAuditSubjects gives them), and
   * whether the period already has a report.
   */
  private async lockForReport(
    manager: EntityManager,
    acting: Acting,
    input: SubmitReportInput,
    periodId: string,
  ): Promise<{
    assignment: Assignment;
    document: { reportCutoffDay: number; reportDueDay: number; subjects: string[] };
    existingReportId: string | null;
  }> {
    const { entities, raw } = await manager
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .innerJoin(DirectiveDocument, 'd', 'd.id = a.document_id')
      .leftJoin(ProgressReport, 'r', 'r.assignment_id = a.id AND r.period = :period', { period: periodId })
      .addSelect('d.owner_organization_id::text', 'document_owner')
      .addSelect('d.report_cutoff_day', 'document_cutoff_day')
      .addSelect('d.report_due_day', 'document_due_day')
      .addSelect('r.id::text', 'existing_report_id')
      // Only the assignment's row: the document and the report are read, not locked.
      .setLock('pessimistic_write', undefined, ['a'])
      // Not a UUID (36 dashes included): no row, and no driver error on the cast.
      .where('a.id = :id', {
        id: isUuid(input.assignmentId) ? input.assignmentId : '00000000-0000-0000-0000-000000000000',
      })
      .getRawAndEntities();
    const assignment = this.writer.checkLocked(
      acting,
      input.assignmentId,
      entities[0],
      input.expectedVersion,
    );
    const row = raw[0] as {
      document_owner: string;
      document_cutoff_day: number;
      document_due_day: number;
      existing_report_id: string | null;
    };
    return {
      assignment,
      document: {
        reportCutoffDay: row.document_cutoff_day,
        reportDueDay: row.document_due_day,
        subjects: [assignment.organizationId, assignment.assignedByOrganizationId, row.document_owner],
      },
      existingReportId: row.existing_report_id,
    };
  }

  /** The assigner accepts the report, or returns it with a comment for the assignee to resubmit. */
  async review(
    acting: Acting,
    id: string,
    accept: boolean,
    comment: string | null | undefined,
  ): Promise<ProgressReport> {
    if (!accept && !comment?.trim()) {
      throw invalid(
        'comment',
        'A returned report needs a comment saying what to fix',
        'Trả lại báo cáo cần có ý kiến nêu rõ nội dung cần bổ sung',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ProgressReport);
      const report = await repository
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.id = :id', { id: isUuid(id) ? id : '00000000-0000-0000-0000-000000000000' })
        .getOne();
      if (!report) throw notFound(REPORT, id);
      const assignment = await this.writer
        .lock(manager, acting, report.assignmentId)
        .catch(notFoundAs(REPORT, id));
      await this.writer.assertAssigner(manager, acting, assignment);
      if (report.status !== ReportStatus.SUBMITTED) {
        throw conflict(
          `Only a submitted report can be reviewed; this one is ${report.status.toLowerCase()}`,
          `Chỉ xem xét được báo cáo đã gửi; báo cáo này ở trạng thái ${report.status}`,
          { status: report.status },
        );
      }
      const before = { ...report };
      report.status = accept ? ReportStatus.ACCEPTED : ReportStatus.RETURNED;
      report.reviewComment = comment?.trim() || null;
      report.reviewedAt = new Date();
      report.reviewedBy = acting.userId;
      report.version += 1;
      const saved = await repository.save(report);
      await this.audit.record(manager, {
        ...acting.audit,
        action: accept ? 'report.accepted' : 'report.returned',
        entityType: 'progress_report',
        entityId: saved.id,
        before: reportView(before),
        after: reportView(saved),
        subjectOrganizationIds: await assignmentAuditSubject(manager, assignment),
      });
      await this.outbox.add(manager, [
        { topic: 'report.reviewed', subject: saved.id, payload: { assignmentId: assignment.id, accept } },
      ]);
      return saved;
    });
  }

  /**
   * Reports of many assignments at once, by period (for DataLoader). Like every read below,
   * a report on a confidential directive's task the reader may not read comes without its
   * words (results, difficulties, proposals, review comment): percent, period and status stay.
   */
  byAssignments(reader: ContentReader, assignmentIds: readonly string[]): Promise<ProgressReport[]> {
    return this.shown(
      reader,
      this.filtered(reader.scope, {})
        .andWhere('r.assignment_id = ANY(:assignmentIds::uuid[])', { assignmentIds: [...assignmentIds] })
        .orderBy('r.period', 'ASC'),
    );
  }

  list(reader: ContentReader, filter: ProgressReportFilter, params: ListParams): Promise<ProgressReport[]> {
    const list = resolveListParams(params, SORTABLE, { sortField: 'createdAt', sortOrder: 'DESC' });
    return this.shown(reader, pageQuery(this.filtered(reader.scope, filter), list, 'r.id'));
  }

  count(reader: ContentReader, filter: ProgressReportFilter): Promise<number> {
    return this.filtered(reader.scope, filter).getCount();
  }

  async get(reader: ContentReader, id: string): Promise<ProgressReport> {
    const [found] = await this.shown(reader, this.filtered(reader.scope, { ids: [id] }));
    if (!found) throw notFound(REPORT, id);
    return found;
  }

  /** Runs a report query (its assignment joined as `ra`) with the words withheld where hidden. */
  private async shown(
    reader: ContentReader,
    query: SelectQueryBuilder<ProgressReport>,
  ): Promise<ProgressReport[]> {
    const rows = await withContentFlag(
      query,
      'r',
      assignmentHiddenSql('ra.task_id', 'ra.document_id', reader),
    );
    return rows.map(({ entity, hidden }) =>
      hidden
        ? Object.assign(new ProgressReport(), {
            ...entity,
            results: '',
            difficulties: '',
            proposals: '',
            reviewComment: null,
          })
        : entity,
    );
  }

  private filtered(scope: AccessScope, filter: ProgressReportFilter): SelectQueryBuilder<ProgressReport> {
    const condition = scopeCondition('ra.organization_path', scope);
    const query = this.reports
      .createQueryBuilder('r')
      .innerJoin(Assignment, 'ra', 'ra.id = r.assignment_id')
      .where(condition.sql, condition.parameters);
    if (filter.ids) query.andWhere('r.id = ANY(:ids::uuid[])', { ids: filter.ids.filter(isUuid) });
    if (filter.assignmentId) {
      query.andWhere('r.assignment_id = :assignmentId', {
        assignmentId: isUuid(filter.assignmentId) ? filter.assignmentId : null,
      });
    }
    if (filter.status?.length)
      query.andWhere('r.status = ANY(:statuses::text[])', { statuses: filter.status });
    if (filter.period) query.andWhere('r.period = :period', { period: filter.period });
    return query;
  }
}

function reportView(report: ProgressReport) {
  return {
    assignmentId: report.assignmentId,
    period: report.period,
    percentComplete: report.percentComplete,
    results: report.results,
    difficulties: report.difficulties,
    proposals: report.proposals,
    status: report.status,
    reviewComment: report.reviewComment,
  };
}
