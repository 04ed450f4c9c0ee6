import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditTrail } from '@dondoc/audit';
import {
  AssignmentRole,
  Cadence,
  checkRoles,
  DirectiveDocument,
  DocumentStatus,
  lockOwnedDocument,
  Task,
  TaskAssignee,
  TaskKind,
} from '@dondoc/directives';
import { type Organization, OrganizationsService } from '@dondoc/organizations';
import { DomainErrorCode, DomainException, notFound } from '@dondoc/platform';

import type { Acting } from './acting.js';
import { AssignmentQuery } from './assignment-query.js';
import { AssignmentWriter, type NewAssignment } from './assignment-writer.js';
import { Assignment } from './assignment.entity.js';
import { conflict, invalid } from './assignment.errors.js';

export interface AssignTaskInput {
  taskId: string;
  organizationIds: string[];
  role: AssignmentRole;
  dueDate?: string | null;
  cadence?: Cadence | null;
}

/** Turning tasks into assignments: publishing a draft document, and assigning a published task again. */
@Injectable()
export class PublishingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: AssignmentWriter,
    private readonly query: AssignmentQuery,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Publishes a draft: in one transaction, every planned assignee of every task becomes an
   * assignment, with its audit event and notification outbox row. Publishing twice is refused.
   */
  async publish(acting: Acting, documentId: string): Promise<DirectiveDocument> {
    return this.dataSource.transaction(async (manager) => {
      const document = await this.lockDocument(manager, acting, documentId);
      if (document.status !== DocumentStatus.DRAFT) {
        throw conflict(
          `Document ${document.number ?? document.id} is already published`,
          `Văn bản ${document.number ?? document.id} đã được ban hành`,
          { reason: 'ALREADY_PUBLISHED' },
        );
      }
      const tasks = await manager
        .getRepository(Task)
        .find({ where: { documentId: document.id }, order: { position: 'ASC' } });
      const plans = await manager
        .getRepository(TaskAssignee)
        .createQueryBuilder('p')
        .where('p.task_id = ANY(:ids::uuid[])', { ids: tasks.map((task) => task.id) })
        .getMany();
      const byTask = groupBy(plans, (plan) => plan.taskId);
      for (const task of tasks) {
        const planned = byTask.get(task.id) ?? [];
        checkRoles(task, planned);
        if (
          task.kind === TaskKind.JOINT &&
          planned.length > 0 &&
          !planned.some((p) => p.role === AssignmentRole.LEAD)
        ) {
          throw invalid(
            'assignees',
            `Task ${task.number} has no lead body: choose one before publishing`,
            `Nhiệm vụ ${task.number} chưa có cơ quan chủ trì: cần chọn trước khi ban hành`,
          );
        }
      }
      const organizations = await this.organizationsById(plans.map((plan) => plan.organizationId));
      const taskOf = new Map(tasks.map((task) => [task.id, task]));
      const rows: NewAssignment[] = plans.map((plan) => {
        const task = taskOf.get(plan.taskId) as Task;
        return {
          taskId: plan.taskId,
          documentId: document.id,
          organizationId: plan.organizationId,
          organizationPath: (organizations.get(plan.organizationId) as Organization).path,
          assignedByOrganizationId: document.ownerOrganizationId,
          parentAssignmentId: null,
          role: plan.role,
          dueDate: plan.dueDate ?? task.dueDate,
          cadence: plan.cadence ?? task.cadence,
        };
      });
      await this.writer.createMany(manager, rows, { acting, today: this.query.today(), document });
      document.status = DocumentStatus.PUBLISHED;
      document.publishedAt = new Date();
      const saved = await manager.getRepository(DirectiveDocument).save(document);
      await this.audit.record(manager, {
        ...acting.audit,
        action: 'document.published',
        entityType: 'document',
        entityId: document.id,
        after: { assignments: rows.length },
        subjectOrganizationIds: [document.ownerOrganizationId],
      });
      return saved;
    });
  }

  /** Gives a published task to more bodies, one assignment each, in one transaction. */
  async assignTask(acting: Acting, input: AssignTaskInput): Promise<Assignment[]> {
    const organizationIds = [...new Set(input.organizationIds)];
    if (organizationIds.length === 0) {
      throw invalid('organizationIds', 'Choose at least one organization', 'Cần chọn ít nhất một cơ quan');
    }
    return this.dataSource.transaction(async (manager) => {
      const task = await manager
        .getRepository(Task)
        .createQueryBuilder('t')
        .setLock('pessimistic_write', undefined, ['t'])
        .where('t.id = :id', { id: uuidOrNil(input.taskId) })
        .getOne();
      if (!task) throw notFound({ en: 'Task', vi: 'nhiệm vụ' }, input.taskId);
      const document = await this.lockDocument(manager, acting, task.documentId);
      if (document.status !== DocumentStatus.PUBLISHED) {
        throw conflict(
          'The document is still a draft: plan its assignees and publish it',
          'Văn bản còn là dự thảo: hãy chọn cơ quan thực hiện rồi ban hành',
        );
      }
      if (input.role === AssignmentRole.LEAD && task.kind === TaskKind.JOINT) {
        const [{ leads }] = (await manager.query(
          `SELECT count(*)::int AS leads FROM assignments
            WHERE task_id = $1 AND role = 'LEAD' AND parent_assignment_id IS NULL AND status <> 'CANCELLED'`,
          [task.id],
        )) as [{ leads: number }];
        checkRoles(
          task,
          Array.from({ length: leads + organizationIds.length }, () => ({ role: AssignmentRole.LEAD })),
        );
      }
      const organizations = await this.organizationsById(organizationIds, acting);
      const rows: NewAssignment[] = organizationIds.map((organizationId) => ({
        taskId: task.id,
        documentId: document.id,
        organizationId,
        organizationPath: (organizations.get(organizationId) as Organization).path,
        assignedByOrganizationId: document.ownerOrganizationId,
        parentAssignmentId: null,
        role: input.role,
        dueDate: input.dueDate ?? task.dueDate,
        cadence: input.cadence ?? task.cadence,
      }));
      return this.writer.createMany(manager, rows, { acting, today: this.query.today(), document });
    });
  }

  private async lockDocument(
    manager: EntityManager,
    acting: Acting,
    documentId: string,
  ): Promise<DirectiveDocument> {
    // Publishing and assigning are the owner's (or a body above it), not every body that sees it.
    return lockOwnedDocument(manager, acting.scope, documentId);
  }

  /** The organizations by id; any that does not exist (or is out of the caller's sight) is an error naming it. */
  private async organizationsById(ids: string[], acting?: Acting): Promise<Map<string, Organization>> {
    const unique = [...new Set(ids)];
    const found = acting
      ? await this.organizations.findByIds(acting.scope, unique)
      : await this.organizations.findByIds({ kind: 'all' }, unique);
    const byId = new Map(found.map((organization) => [organization.id, organization]));
    const missing = unique.find((id) => !byId.has(id));
    if (missing) throw notFound({ en: 'Organization', vi: 'cơ quan, đơn vị' }, missing);
    const inactive = found.find((organization) => !organization.active);
    if (inactive) {
      throw new DomainException(
        DomainErrorCode.BAD_USER_INPUT,
        { en: `${inactive.name} is no longer active`, vi: `${inactive.name} không còn hoạt động` },
        { field: 'organizationIds', organizationId: inactive.id },
      );
    }
    return byId;
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export function uuidOrNil(text: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)
    ? text
    : '00000000-0000-0000-0000-000000000000';
}
