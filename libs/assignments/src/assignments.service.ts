import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { DirectiveDocument } from '@dondoc/directives';
import { type Organization, OrganizationsService, scopeIncludesPath } from '@dondoc/organizations';
import { notFound } from '@dondoc/platform';

import type { Acting } from './acting.js';
import { AssignmentQuery } from './assignment-query.js';
import { AssignmentEvent, nextStatus } from './assignment-status.js';
import { AssignmentWriter } from './assignment-writer.js';
import { Assignment } from './assignment.entity.js';
import { invalid } from './assignment.errors.js';

/** Delegation, completion and cancellation of assignments. */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: AssignmentWriter,
    private readonly query: AssignmentQuery,
    private readonly organizations: OrganizationsService,
  ) {}

  /**
   * Gives part of an assignment to bodies under the assignee (a district's Women's Union
   * under the provincial one); each child leads its part, due no later than the parent.
   */
  async delegate(
    acting: Acting,
    assignmentId: string,
    organizationIds: string[],
    dueDate: string | null | undefined,
  ): Promise<Assignment[]> {
    const ids = [...new Set(organizationIds)];
    if (ids.length === 0)
      throw invalid('organizationIds', 'Choose at least one organization', 'Cần chọn ít nhất một cơ quan');
    return this.dataSource.transaction(async (manager) => {
      const parent = await this.writer.lock(manager, acting, assignmentId);
      this.writer.assertOpen(parent);
      const due = dueDate ?? parent.dueDate;
      if (due && parent.dueDate && due > parent.dueDate) {
        throw invalid(
          'dueDate',
          `A delegated part cannot be due after the assignment itself (${parent.dueDate})`,
          `Phần việc giao tiếp không thể có hạn sau hạn của nhiệm vụ (${parent.dueDate})`,
        );
      }
      const children = await this.organizations.findByIds({ kind: 'all' }, ids);
      for (const id of ids) {
        const child = children.find((organization) => organization.id === id);
        if (
          !child ||
          !isBelow(child, parent.organizationPath) ||
          !scopeIncludesPath(acting.scope, child.path)
        ) {
          throw invalid(
            'organizationIds',
            `Organization ${id} is not under the assignee: only bodies below it can take a delegated part`,
            `Cơ quan ${id} không trực thuộc cơ quan được giao: chỉ giao tiếp cho cấp dưới`,
          );
        }
      }
      const document = await manager
        .getRepository(DirectiveDocument)
        .findOneByOrFail({ id: parent.documentId });
      return this.writer.createMany(
        manager,
        children.map((child) => ({
          taskId: parent.taskId,
          documentId: parent.documentId,
          organizationId: child.id,
          organizationPath: child.path,
          assignedByOrganizationId: parent.organizationId,
          parentAssignmentId: parent.id,
          role: parent.role,
          dueDate: due,
          cadence: parent.cadence,
        })),
        { acting, today: this.query.today(), document },
      );
    });
  }

  /** The assignee says the work is done; the assigner confirms or refuses. */
  async requestCompletion(
    acting: Acting,
    assignmentId: string,
    summary: string,
    expectedVersion?: number | null,
  ) {
    if (summary.trim() === '') {
      throw invalid('summary', 'Say briefly what was done', 'Cần tóm tắt kết quả đã thực hiện');
    }
    return this.dataSource.transaction(async (manager) => {
      const assignment = await this.writer.lock(manager, acting, assignmentId, expectedVersion);
      const before = { ...assignment };
      assignment.status = nextStatus(assignment.status, AssignmentEvent.COMPLETION_REQUESTED);
      assignment.completionRequestedOn = this.query.today();
      assignment.completionSummary = summary.trim();
      return this.writer.save(manager, acting, before, assignment, {
        action: 'assignment.completion_requested',
        topic: 'completion.requested',
      });
    });
  }

  async decideCompletion(
    acting: Acting,
    assignmentId: string,
    accept: boolean,
    comment: string | null | undefined,
    expectedVersion?: number | null,
  ) {
    if (!accept && !comment?.trim()) {
      throw invalid(
        'comment',
        'Say why the completion is refused',
        'Cần nêu lý do chưa công nhận hoàn thành',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const assignment = await this.writer.lock(manager, acting, assignmentId, expectedVersion);
      await this.writer.assertAssigner(manager, acting, assignment);
      const before = { ...assignment };
      assignment.status = nextStatus(
        assignment.status,
        accept ? AssignmentEvent.COMPLETION_ACCEPTED : AssignmentEvent.COMPLETION_REFUSED,
      );
      if (accept) {
        // The work was done the day completion was asked for, whenever the assigner confirms it.
        assignment.completedOn = assignment.completionRequestedOn ?? this.query.today();
        assignment.percentComplete = 100;
      } else {
        assignment.completionRequestedOn = null;
      }
      const saved = await this.writer.save(manager, acting, before, assignment, {
        action: accept ? 'assignment.completion_accepted' : 'assignment.completion_refused',
        topic: 'completion.decided',
        payload: { accept, comment: comment ?? null },
      });
      if (accept) await this.rollUp(manager, acting, saved);
      return saved;
    });
  }

  async cancel(acting: Acting, assignmentId: string, reason: string, expectedVersion?: number | null) {
    if (reason.trim() === '') throw invalid('reason', 'Give the reason for cancelling', 'Cần nêu lý do hủy');
    return this.dataSource.transaction(async (manager) => {
      const assignment = await this.writer.lock(manager, acting, assignmentId, expectedVersion);
      await this.writer.assertAssigner(manager, acting, assignment);
      const before = { ...assignment };
      assignment.status = nextStatus(assignment.status, AssignmentEvent.CANCELLED);
      assignment.cancelReason = reason.trim();
      return this.writer.save(manager, acting, before, assignment, {
        action: 'assignment.cancelled',
        topic: 'assignment.cancelled',
        payload: { reason: reason.trim() },
      });
    });
  }

  /**
   * A parent's percent follows its children: weighted where weights are set, otherwise the
   * plain average of the parts that are not cancelled.
   */
  async rollUp(manager: EntityManager, acting: Acting, child: Assignment): Promise<void> {
    if (!child.parentAssignmentId) return;
    const parent = await manager
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id: child.parentAssignmentId })
      .getOne();
    if (!parent) throw notFound({ en: 'Assignment', vi: 'nhiệm vụ' }, child.parentAssignmentId);
    const [row] = (await manager.query(
      `SELECT CASE WHEN bool_or(weight IS NOT NULL)
                   THEN round(sum(percent_complete * coalesce(weight, 0)) / nullif(sum(coalesce(weight, 0)), 0))
                   ELSE round(avg(percent_complete)) END AS percent
         FROM assignments WHERE parent_assignment_id = $1 AND status <> 'CANCELLED'`,
      [parent.id],
    )) as [{ percent: string | null }];
    const percent = row.percent === null ? parent.percentComplete : Number(row.percent);
    if (percent === parent.percentComplete) return;
    const before = { ...parent };
    parent.percentComplete = percent;
    const saved = await this.writer.save(manager, { ...acting }, before, parent, {
      action: 'assignment.rolled_up',
    });
    await this.rollUp(manager, acting, saved);
  }
}

function isBelow(organization: Organization, parentPath: string): boolean {
  return organization.path.startsWith(`${parentPath}.`);
}
