import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type SelectQueryBuilder } from 'typeorm';

import { AuditTrail } from '@dondoc/audit';
import { type AccessScope, isUuid, scopeCondition } from '@dondoc/organizations';
import { assignmentHiddenSql, type ContentReader, withContentFlag } from '@dondoc/directives';
import {
  isCalendarDay,
  type ListParams,
  notFound,
  Outbox,
  pageQuery,
  resolveListParams,
} from '@dondoc/platform';

import type { Acting } from './acting.js';
import { assignmentAuditSubject } from './assignment-audit-subjects.js';
import { AssignmentWriter } from './assignment-writer.js';
import { Assignment } from './assignment.entity.js';
import { conflict, EXTENSION, invalid, notFoundAs } from './assignment.errors.js';
import { ExtensionRequest, ExtensionStatus } from './extension-request.entity.js';

export interface ExtensionRequestFilter {
  ids?: string[] | null;
  assignmentId?: string | null;
  status?: ExtensionStatus[] | null;
}

const SORTABLE: Record<string, string> = {
  id: 'e.id',
  createdAt: 'e.created_at',
  proposedDueDate: 'e.proposed_due_date',
  status: 'e.status',
};

/**
 * Extensions: the assignee proposes a later due date with a reason; the assigner approves
 * (the due date moves, the baseline stays) or rejects. One pending request at a time.
 */
@Injectable()
export class ExtensionRequestsService {
  constructor(
    @InjectRepository(ExtensionRequest) private readonly requests: Repository<ExtensionRequest>,
    private readonly dataSource: DataSource,
    private readonly writer: AssignmentWriter,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
  ) {}

  async request(
    acting: Acting,
    assignmentId: string,
    proposedDueDate: string,
    reason: string,
    expectedVersion?: number | null,
  ): Promise<ExtensionRequest> {
    if (!isCalendarDay(proposedDueDate)) {
      throw invalid(
        'proposedDueDate',
        'proposedDueDate must be a day (YYYY-MM-DD)',
        'Hạn đề nghị phải là một ngày (YYYY-MM-DD)',
      );
    }
    if (reason.trim() === '')
      throw invalid('reason', 'Give the reason for the extension', 'Cần nêu lý do đề nghị gia hạn');
    return this.dataSource.transaction(async (manager) => {
      const assignment = await this.writer.lock(manager, acting, assignmentId, expectedVersion);
      this.writer.assertOpen(assignment);
      if (assignment.dueDate === null) {
        throw conflict(
          'Continuous work has no due date to extend',
          'Nhiệm vụ thường xuyên không có thời hạn để gia hạn',
        );
      }
      if (proposedDueDate <= assignment.dueDate) {
        throw invalid(
          'proposedDueDate',
          `The proposed due date must be after the current one (${assignment.dueDate})`,
          `Hạn đề nghị phải sau thời hạn hiện tại (${assignment.dueDate})`,
        );
      }
      const pending = await manager.getRepository(ExtensionRequest).exists({
        where: { assignmentId: assignment.id, status: ExtensionStatus.PENDING },
      });
      if (pending) {
        throw conflict(
          'An extension request for this assignment is already waiting for a decision',
          'Đã có đề nghị gia hạn đang chờ quyết định',
        );
      }
      const repository = manager.getRepository(ExtensionRequest);
      const saved = await repository.save(
        repository.create({
          assignmentId: assignment.id,
          proposedDueDate,
          previousDueDate: assignment.dueDate,
          reason: reason.trim(),
          status: ExtensionStatus.PENDING,
          requestedBy: acting.userId,
        }),
      );
      await this.audit.record(manager, {
        ...acting.audit,
        action: 'extension.requested',
        entityType: 'extension_request',
        entityId: saved.id,
        after: view(saved),
        subjectOrganizationIds: await assignmentAuditSubject(manager, assignment),
      });
      await this.outbox.add(manager, [
        { topic: 'extension.requested', subject: saved.id, payload: { assignmentId: assignment.id } },
      ]);
      return saved;
    });
  }

  async decide(
    acting: Acting,
    id: string,
    approve: boolean,
    comment: string | null | undefined,
  ): Promise<ExtensionRequest> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ExtensionRequest);
      const request = await repository
        .createQueryBuilder('e')
        .setLock('pessimistic_write')
        .where('e.id = :id', { id: isUuid(id) ? id : '00000000-0000-0000-0000-000000000000' })
        .getOne();
      if (!request) throw notFound(EXTENSION, id);
      const assignment = await this.writer
        .lock(manager, acting, request.assignmentId)
        .catch(notFoundAs(EXTENSION, id));
      // Whoever asked cannot grant it, and neither can anyone of the assignee body.
      if (request.requestedBy === acting.userId) {
        throw conflict(
          'An extension cannot be decided by the person who requested it',
          'Người đề nghị gia hạn không được tự quyết định',
        );
      }
      await this.writer.assertAssigner(manager, acting, assignment);
      if (request.status !== ExtensionStatus.PENDING) {
        throw conflict(
          `This request was already ${request.status.toLowerCase()}`,
          'Đề nghị này đã được quyết định',
          {
            status: request.status,
          },
        );
      }
      const before = { ...request };
      request.status = approve ? ExtensionStatus.APPROVED : ExtensionStatus.REJECTED;
      request.decidedBy = acting.userId;
      request.decidedAt = new Date();
      request.comment = comment?.trim() || null;
      const saved = await repository.save(request);
      await this.audit.record(manager, {
        ...acting.audit,
        action: approve ? 'extension.approved' : 'extension.rejected',
        entityType: 'extension_request',
        entityId: saved.id,
        before: view(before),
        after: view(saved),
        subjectOrganizationIds: await assignmentAuditSubject(manager, assignment),
      });
      if (approve) {
        this.writer.assertOpen(assignment);
        const assignmentBefore = { ...assignment };
        assignment.dueDate = request.proposedDueDate; // the baseline stays where it was
        await this.writer.save(manager, acting, assignmentBefore, assignment, {
          action: 'assignment.extended',
        });
      }
      await this.outbox.add(manager, [
        { topic: 'extension.decided', subject: saved.id, payload: { assignmentId: assignment.id, approve } },
      ]);
      return saved;
    });
  }

  /**
   * Requests of many assignments at once, oldest first (for DataLoader). Like every read
   * below, a request on a confidential directive's task the reader may not read comes without
   * its words (reason, comment): dates and status stay.
   */
  byAssignments(reader: ContentReader, assignmentIds: readonly string[]): Promise<ExtensionRequest[]> {
    return this.shown(
      reader,
      this.filtered(reader.scope, {})
        .andWhere('e.assignment_id = ANY(:assignmentIds::uuid[])', { assignmentIds: [...assignmentIds] })
        .orderBy('e.created_at', 'ASC'),
    );
  }

  list(
    reader: ContentReader,
    filter: ExtensionRequestFilter,
    params: ListParams,
  ): Promise<ExtensionRequest[]> {
    const list = resolveListParams(params, SORTABLE, { sortField: 'createdAt', sortOrder: 'DESC' });
    return this.shown(reader, pageQuery(this.filtered(reader.scope, filter), list, 'e.id'));
  }

  count(reader: ContentReader, filter: ExtensionRequestFilter): Promise<number> {
    return this.filtered(reader.scope, filter).getCount();
  }

  async get(reader: ContentReader, id: string): Promise<ExtensionRequest> {
    const [found] = await this.shown(reader, this.filtered(reader.scope, { ids: [id] }));
    if (!found) throw notFound(EXTENSION, id);
    return found;
  }

  /** Runs a request query (its assignment joined as `ea`) with the words withheld where hidden. */
  private async shown(
    reader: ContentReader,
    query: SelectQueryBuilder<ExtensionRequest>,
  ): Promise<ExtensionRequest[]> {
    const rows = await withContentFlag(
      query,
      'e',
      assignmentHiddenSql('ea.task_id', 'ea.document_id', reader),
    );
    return rows.map(({ entity, hidden }) =>
      hidden
        ? Object.assign(new ExtensionRequest(), {
            ...entity,
            reason: '',
            comment: entity.comment === null ? null : '',
          })
        : entity,
    );
  }

  private filtered(scope: AccessScope, filter: ExtensionRequestFilter): SelectQueryBuilder<ExtensionRequest> {
    const condition = scopeCondition('ea.organization_path', scope);
    const query = this.requests
      .createQueryBuilder('e')
      .innerJoin(Assignment, 'ea', 'ea.id = e.assignment_id')
      .where(condition.sql, condition.parameters);
    if (filter.ids) query.andWhere('e.id = ANY(:ids::uuid[])', { ids: filter.ids.filter(isUuid) });
    if (filter.assignmentId) {
      query.andWhere('e.assignment_id = :assignmentId', {
        assignmentId: isUuid(filter.assignmentId) ? filter.assignmentId : null,
      });
    }
    if (filter.status?.length)
      query.andWhere('e.status = ANY(:statuses::text[])', { statuses: filter.status });
    return query;
  }
}

function view(request: ExtensionRequest) {
  return {
    assignmentId: request.assignmentId,
    proposedDueDate: request.proposedDueDate,
    previousDueDate: request.previousDueDate,
    reason: request.reason,
    status: request.status,
    comment: request.comment,
  };
}
