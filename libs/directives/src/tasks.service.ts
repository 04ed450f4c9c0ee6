import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Repository, type SelectQueryBuilder } from 'typeorm';

import { type AuditActor, AuditTrail } from '@dondoc/audit';
import { type AccessScope, containsPattern, isUuid, OrganizationsService } from '@dondoc/organizations';
import {
  badInput,
  DomainErrorCode,
  DomainException,
  type ListParams,
  notFound,
  pageQuery,
  resolveListParams,
} from '@dondoc/platform';

import { Cadence } from './cadence.js';
import {
  type ContentReader,
  hiddenTasks,
  redactTask,
  taskContentCondition,
  withContentFlag,
} from './confidential-redaction.js';
import { notDraft, TASK } from './directive.errors.js';
import { documentScopeCondition } from './document-scope.js';
import { lockOwnedDocument } from './document-write-scope.js';
import { DirectiveDocument, DocumentStatus } from './document.entity.js';
import { AssignmentRole, TaskAssignee, TaskSuggestion } from './task-assignee.entity.js';
import { Task, TaskKind } from './task.entity.js';

export interface TaskFilter {
  ids?: string[] | null;
  q?: string | null;
  documentId?: string | null;
  parentId?: string | null;
}

export interface TaskChanges {
  number?: string;
  text?: string;
  kind?: TaskKind;
  cadence?: Cadence;
  dueDate?: string | null;
}

export interface NewTask {
  documentId: string;
  parentId?: string | null;
  number: string;
  text: string;
  kind?: TaskKind;
  cadence?: Cadence;
  dueDate?: string | null;
}

export interface PlannedAssignee {
  organizationId: string;
  role: AssignmentRole;
  dueDate?: string | null;
  cadence?: Cadence | null;
}

const SORTABLE: Record<string, string> = {
  id: 't.id',
  number: 't.position',
  position: 't.position',
  dueDate: 't.due_date',
};

/** Tasks of documents: read by scope; edited (with who gets them) while their document is a draft. */
@Injectable()
export class TasksService {
  constructor(
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditTrail,
  ) {}

  /** Every read below gives a confidential document's tasks as the reader may see them. */
  async list(reader: ContentReader, filter: TaskFilter, params: ListParams): Promise<Task[]> {
    const list = resolveListParams(params, SORTABLE, { sortField: 'position', sortOrder: 'ASC' });
    return this.shown(reader, pageQuery(this.filtered(reader, filter), list, 't.id'));
  }

  count(reader: ContentReader, filter: TaskFilter): Promise<number> {
    return this.filtered(reader, filter).getCount();
  }

  async get(reader: ContentReader, id: string): Promise<Task> {
    const [found] = await this.shown(reader, this.filtered(reader, { ids: [id] }));
    if (!found) throw notFound(TASK, id);
    return found;
  }

  async findByIds(reader: ContentReader, ids: readonly string[]): Promise<Task[]> {
    if (ids.length === 0) return [];
    return this.shown(reader, this.filtered(reader, { ids: [...ids] }));
  }

  /** Tasks of many documents at once, in reading order (for DataLoader). */
  byDocuments(reader: ContentReader, documentIds: readonly string[]): Promise<Task[]> {
    return this.shown(
      reader,
      this.filtered(reader, {})
        .andWhere('t.document_id = ANY(:documentIds::uuid[])', { documentIds: [...documentIds] })
        .orderBy('t.position', 'ASC'),
    );
  }

  /** Children of many tasks at once (for DataLoader); the parents were read in scope. */
  childrenOf(reader: ContentReader, taskIds: readonly string[]): Promise<Task[]> {
    return this.shown(
      reader,
      this.tasks
        .createQueryBuilder('t')
        .innerJoin(DirectiveDocument, 'd', 'd.id = t.document_id')
        .where('t.parent_id = ANY(:parentIds::uuid[])', { parentIds: [...taskIds] })
        .orderBy('t.position', 'ASC'),
    );
  }

  /** The reader's suggestions; a hidden task's reasons (phrases of its text) left out. */
  async suggestionsOf(reader: ContentReader, taskIds: readonly string[]): Promise<TaskSuggestion[]> {
    const found = await this.dataSource
      .getRepository(TaskSuggestion)
      .find({ where: { taskId: In([...taskIds]) } });
    const hidden = await hiddenTasks(this.tasks.manager, reader, taskIds);
    return hidden.size === 0
      ? found
      : found.map((s) =>
          hidden.has(s.taskId) ? Object.assign(new TaskSuggestion(), { ...s, reason: '' }) : s,
        );
  }

  plannedAssigneesOf(taskIds: readonly string[]): Promise<TaskAssignee[]> {
    return this.dataSource.getRepository(TaskAssignee).find({ where: { taskId: In([...taskIds]) } });
  }

  async update(scope: AccessScope, id: string, changes: TaskChanges, actor: AuditActor): Promise<Task> {
    return this.inDraft(scope, id, async (manager, task, document) => {
      const before = { ...task };
      if (changes.number !== undefined) task.number = requireText('number', changes.number);
      if (changes.text !== undefined) task.text = requireText('text', changes.text);
      if (changes.cadence !== undefined) task.cadence = changes.cadence;
      if (changes.dueDate !== undefined) task.dueDate = changes.dueDate;
      if (changes.kind !== undefined && changes.kind !== task.kind) {
        task.kind = changes.kind;
        checkRoles(task, await manager.getRepository(TaskAssignee).find({ where: { taskId: task.id } }));
      }
      const saved = await manager.getRepository(Task).save(task);
      await this.audit.record(manager, {
        ...actor,
        action: 'task.updated',
        entityType: 'task',
        entityId: id,
        before: view(before),
        after: view(saved),
        subjectOrganizationIds: [document.ownerOrganizationId],
      });
      return saved;
    });
  }

  async create(scope: AccessScope, input: NewTask, actor: AuditActor): Promise<Task> {
    return this.dataSource.transaction(async (manager) => {
      const document = await this.lockDraft(manager, scope, input.documentId);
      if (input.parentId) {
        const parent = await manager
          .getRepository(Task)
          .findOne({ where: { id: asUuid(input.parentId), documentId: document.id } });
        if (!parent) throw notFound(TASK, input.parentId);
      }
      const [{ position }] = (await manager.query(
        'SELECT coalesce(max(position), -1) + 1 AS position FROM tasks WHERE document_id = $1',
        [document.id],
      )) as [{ position: number }];
      const tasks = manager.getRepository(Task);
      const saved = await tasks.save(
        tasks.create({
          documentId: document.id,
          parentId: input.parentId ?? null,
          number: requireText('number', input.number),
          text: requireText('text', input.text),
          position,
          kind: input.kind ?? TaskKind.JOINT,
          cadence: input.cadence ?? Cadence.NONE,
          dueDate: input.dueDate ?? null,
        }),
      );
      await this.audit.record(manager, {
        ...actor,
        action: 'task.created',
        entityType: 'task',
        entityId: saved.id,
        after: view(saved),
        subjectOrganizationIds: [document.ownerOrganizationId],
      });
      return saved;
    });
  }

  async delete(scope: AccessScope, id: string, actor: AuditActor): Promise<Task> {
    return this.inDraft(scope, id, async (manager, task, document) => {
      await manager.getRepository(Task).delete({ id: task.id }); // children, suggestions and plan cascade
      await this.audit.record(manager, {
        ...actor,
        action: 'task.deleted',
        entityType: 'task',
        entityId: id,
        before: view(task),
        subjectOrganizationIds: [document.ownerOrganizationId],
      });
      return task;
    });
  }

  /**
   * Replaces who the draft task will go to. A JOINT task takes one lead at most (and needs
   * exactly one to be published); a SHARED task gives each body its own part to lead.
   */
  async setAssignees(
    scope: AccessScope,
    id: string,
    assignees: PlannedAssignee[],
    actor: AuditActor,
  ): Promise<Task> {
    const seen = new Set<string>();
    for (const assignee of assignees) {
      if (seen.has(assignee.organizationId)) {
        throw badInput('assignees', {
          en: `Organization ${assignee.organizationId} is listed twice`,
          vi: `Cơ quan ${assignee.organizationId} bị chọn hai lần`,
        });
      }
      seen.add(assignee.organizationId);
    }
    const found = await this.organizations.findByIds(scope, [...seen]);
    const missing = [...seen].find((organizationId) => !found.some((o) => o.id === organizationId));
    if (missing) throw notFound({ en: 'Organization', vi: 'cơ quan, đơn vị' }, missing);

    return this.inDraft(scope, id, async (manager, task, document) => {
      const planned = assignees.map((assignee) =>
        Object.assign(new TaskAssignee(), {
          taskId: task.id,
          organizationId: assignee.organizationId,
          role: assignee.role,
          dueDate: assignee.dueDate ?? null,
          cadence: assignee.cadence ?? task.cadence,
        }),
      );
      checkRoles(task, planned);
      const repository = manager.getRepository(TaskAssignee);
      const before = await repository.find({ where: { taskId: task.id } });
      await repository.delete({ taskId: task.id });
      if (planned.length > 0) await repository.insert(planned);
      await this.audit.record(manager, {
        ...actor,
        action: 'task.assignees_set',
        entityType: 'task',
        entityId: task.id,
        before: before.map(plan),
        after: planned.map(plan),
        // A plan is the document's until it is published: the planned bodies see it then.
        subjectOrganizationIds: [document.ownerOrganizationId],
      });
      return task;
    });
  }

  /** Runs a change on a task whose document is still a draft, with the document locked. */
  private inDraft<T>(
    scope: AccessScope,
    id: string,
    work: (manager: EntityManager, task: Task, document: DirectiveDocument) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      // Unredacted: only the owner may change it, and a placeholder must never be saved.
      const task = await this.find(scope, id);
      const document = await this.lockDraft(manager, scope, task.documentId);
      return work(manager, task, document);
    });
  }

  private async lockDraft(
    manager: EntityManager,
    scope: AccessScope,
    documentId: string,
  ): Promise<DirectiveDocument> {
    const document = await lockOwnedDocument(manager, scope, documentId);
    if (document.status !== DocumentStatus.DRAFT) throw notDraft(document.number);
    return document;
  }

  private async find(scope: AccessScope, id: string): Promise<Task> {
    const found = await this.scoped(scope)
      .andWhere('t.id = ANY(:ids::uuid[])', { ids: [id].filter(isUuid) })
      .getOne();
    if (!found) throw notFound(TASK, id);
    return found;
  }

  /**
   * Runs a task query (documents joined as `d`) as the reader sees it: whether each task's
   * text is hidden is a column of the same statement, and a hidden one reads as a placeholder.
   */
  private async shown(reader: ContentReader, query: SelectQueryBuilder<Task>): Promise<Task[]> {
    const readable = taskContentCondition('t.id', 'd', reader);
    const rows = await withContentFlag(
      query,
      't',
      { sql: `NOT ${readable.sql}`, parameters: readable.parameters },
      { content_number: 'd.number' },
    );
    return rows.map(({ entity, hidden, raw }) =>
      hidden ? redactTask(entity, (raw.content_number as string | null) ?? null, reader.locale) : entity,
    );
  }

  private scoped(scope: AccessScope): SelectQueryBuilder<Task> {
    const condition = documentScopeCondition('d', scope);
    return this.tasks
      .createQueryBuilder('t')
      .innerJoin(DirectiveDocument, 'd', 'd.id = t.document_id')
      .where(condition.sql, condition.parameters);
  }

  private filtered(reader: ContentReader, filter: TaskFilter): SelectQueryBuilder<Task> {
    const query = this.scoped(reader.scope);
    if (filter.ids) query.andWhere('t.id = ANY(:ids::uuid[])', { ids: filter.ids.filter(isUuid) });
    if (filter.q?.trim()) {
      // The text of a task the reader may not read is no search key.
      const content = taskContentCondition('t.id', 'd', reader);
      query.andWhere(`t.search_text LIKE :q ESCAPE '\\' AND ${content.sql}`, {
        ...content.parameters,
        q: containsPattern(filter.q),
      });
    }
    if (filter.documentId)
      query.andWhere('t.document_id = :documentId', { documentId: asUuid(filter.documentId) });
    if (filter.parentId) query.andWhere('t.parent_id = :parentId', { parentId: asUuid(filter.parentId) });
    return query;
  }
}

/** A JOINT task has one accountable lead (Decree 39/2022/NĐ-CP); a second one is refused. */
export function checkRoles(task: Pick<Task, 'kind' | 'number'>, planned: Pick<TaskAssignee, 'role'>[]): void {
  const leads = planned.filter((assignee) => assignee.role === AssignmentRole.LEAD).length;
  if (task.kind === TaskKind.JOINT && leads > 1) {
    throw new DomainException(
      DomainErrorCode.BAD_USER_INPUT,
      {
        en: `Task ${task.number} is joint: it takes exactly one lead body, not ${leads} (make it SHARED to give each body its own part)`,
        vi: `Nhiệm vụ ${task.number} là nhiệm vụ chung: chỉ có một cơ quan chủ trì, không phải ${leads} (chọn "giao riêng từng cơ quan" để mỗi cơ quan chủ trì phần việc của mình)`,
      },
      { field: 'assignees', leads },
    );
  }
}

function plan(assignee: TaskAssignee) {
  return {
    organizationId: assignee.organizationId,
    role: assignee.role,
    dueDate: assignee.dueDate,
    cadence: assignee.cadence,
  };
}

function view(task: Task) {
  return {
    number: task.number,
    text: task.text,
    kind: task.kind,
    cadence: task.cadence,
    dueDate: task.dueDate,
    parentId: task.parentId,
  };
}

function requireText(field: string, value: string): string {
  if (value.trim() === '')
    throw badInput(field, { en: `${field} cannot be empty`, vi: `${field} không được để trống` });
  return value.trim();
}

function asUuid(text: string): string {
  return isUuid(text) ? text : '00000000-0000-0000-0000-000000000000';
}
