import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AuditTrail } from '@dondoc/audit';
import { AssignmentRole, Cadence, DirectiveDocument } from '@dondoc/directives';
import { isUuid, scopeIncludesPath } from '@dondoc/organizations';
import { notFound, Outbox } from '@dondoc/platform';

import type { Acting } from './acting.js';
import { assignmentAuditSubject, assignmentAuditSubjects } from './assignment-audit-subjects.js';
import { Assignment } from './assignment.entity.js';
import { ASSIGNMENT, conflict, notAssigner, staleVersion } from './assignment.errors.js';
import { AssignmentStatus } from './assignment-status.js';
import { firstReportDue } from './reporting-period.js';

export interface NewAssignment {
  taskId: string;
  documentId: string;
  organizationId: string;
  organizationPath: string;
  assignedByOrganizationId: string;
  parentAssignmentId: string | null;
  role: AssignmentRole;
  dueDate: string | null;
  cadence: Cadence;
}

/**
 * The writing side shared by every assignment change: creating many at once in one
 * statement, locking one for a change, and the checks of who may change what.
 */
@Injectable()
export class AssignmentWriter {
  constructor(
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Creates assignments in the caller's transaction with one INSERT however many there are
   * (a task given to 25,000 bodies), one audit event and one outbox row each.
   */
  async createMany(
    manager: EntityManager,
    rows: readonly NewAssignment[],
    context: {
      acting: Acting;
      today: string;
      document: Pick<DirectiveDocument, 'reportCutoffDay' | 'reportDueDay'>;
    },
  ): Promise<Assignment[]> {
    if (rows.length === 0) return [];
    const settings = {
      cutoffDay: context.document.reportCutoffDay,
      reportDueDay: context.document.reportDueDay,
    };
    const records = rows.map((row) => ({
      task_id: row.taskId,
      document_id: row.documentId,
      organization_id: row.organizationId,
      organization_path: row.organizationPath,
      assigned_by_organization_id: row.assignedByOrganizationId,
      parent_assignment_id: row.parentAssignmentId,
      role: row.role,
      due_date: row.dueDate,
      baseline_due_date: row.dueDate,
      cadence: row.cadence,
      // Continuous work is followed through its reports: the first one is due this period.
      next_report_due:
        row.dueDate === null && row.cadence !== Cadence.NONE
          ? firstReportDue(row.cadence, context.today, settings)
          : null,
    }));
    // A body that already has the task is a clear conflict, found before writing anything.
    const taken = (await manager.query(
      `SELECT o.name FROM assignments a JOIN organizations o ON o.id = a.organization_id
        WHERE a.task_id = ANY($1::uuid[]) AND a.organization_id = ANY($2::uuid[])
          AND (a.task_id, a.organization_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
        LIMIT 3`,
      [rows.map((row) => row.taskId), rows.map((row) => row.organizationId)],
    )) as { name: string }[];
    if (taken.length > 0) {
      const names = taken.map((row) => row.name).join(', ');
      throw conflict(`The task is already assigned to ${names}`, `Nhiệm vụ đã được giao cho ${names}`);
    }
    let inserted: Record<string, unknown>[];
    try {
      inserted = (await manager.query(
        `INSERT INTO assignments (task_id, document_id, organization_id, organization_path, assigned_by_organization_id,
                                  parent_assignment_id, role, due_date, baseline_due_date, cadence, next_report_due)
         SELECT task_id, document_id, organization_id, organization_path, assigned_by_organization_id,
                parent_assignment_id, role, due_date, baseline_due_date, cadence, next_report_due
           FROM jsonb_to_recordset($1::jsonb) AS row(
                  task_id uuid, document_id uuid, organization_id uuid, organization_path ltree,
                  assigned_by_organization_id uuid, parent_assignment_id uuid, role text, due_date date,
                  baseline_due_date date, cadence text, next_report_due date)
         RETURNING *`,
        [JSON.stringify(records)],
      )) as Record<string, unknown>[];
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw conflict(
          'The task is already assigned to one of these organizations',
          'Nhiệm vụ đã được giao cho một trong các cơ quan này',
        );
      }
      throw error;
    }
    // The inserted rows as entities, without reading them back (25,000 rows: half a second saved).
    const created = inserted.map((row) => manager.create(Assignment, fromRow(row)));
    const subjects = await assignmentAuditSubjects(manager, created);
    await this.audit.recordMany(
      manager,
      created.map((assignment, index) => ({
        ...context.acting.audit,
        action: 'assignment.created',
        entityType: 'assignment',
        entityId: assignment.id,
        after: auditView(assignment),
        subjectOrganizationIds: subjects[index],
      })),
    );
    await this.outbox.add(
      manager,
      created.map((assignment) => ({
        topic: 'assignment.created',
        subject: assignment.id,
        payload: { organizationId: assignment.organizationId, taskId: assignment.taskId },
      })),
    );
    return created;
  }

  /**
   * Locks one assignment the caller may see, for a change. A given `expectedVersion` that
   * is not the current one is a conflict naming the current version.
   */
  async lock(
    manager: EntityManager,
    acting: Acting,
    id: string,
    expectedVersion?: number | null,
  ): Promise<Assignment> {
    const assignment = await manager
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      // Not a UUID (36 dashes included): no row, and no driver error on the cast.
      .where('a.id = :id', { id: isUuid(id) ? id : '00000000-0000-0000-0000-000000000000' })
      .getOne();
    return this.checkLocked(acting, id, assignment, expectedVersion);
  }

  /**
   * What `lock` checks once the row is read, for a caller that locks it with more in the same
   * statement: not in the caller's scope is not found; a stale `expectedVersion` a conflict.
   */
  checkLocked(
    acting: Acting,
    id: string,
    assignment: Assignment | null | undefined,
    expectedVersion?: number | null,
  ): Assignment {
    if (!assignment || !scopeIncludesPath(acting.scope, assignment.organizationPath))
      throw notFound(ASSIGNMENT, id);
    if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== assignment.version) {
      throw staleVersion(expectedVersion, assignment.version);
    }
    return assignment;
  }

  /** The assigner's side decides (reviews, extensions, completion, cancellation): never the assignee itself. */
  async assertAssigner(manager: EntityManager, acting: Acting, assignment: Assignment): Promise<void> {
    if (acting.organizationId === assignment.organizationId) throw notAssigner();
    const [assigner] = (await manager.query('SELECT path FROM organizations WHERE id = $1', [
      assignment.assignedByOrganizationId,
    ])) as { path: string }[];
    if (!assigner || !scopeIncludesPath(acting.scope, assigner.path)) throw notAssigner();
  }

  /**
   * Saves a changed assignment with its version bumped, its audit event and outbox row.
   * `before` is the row as locked (what the audit trail shows as before): only the columns
   * that differ from it are written, in one UPDATE, without reading the row again.
   * `event.subjects` are the assignment's audit subjects when the caller already has them
   * (see assignmentAuditSubjects); otherwise they are read.
   */
  async save(
    manager: EntityManager,
    acting: Acting,
    before: Assignment,
    after: Assignment,
    event: {
      action: string;
      topic?: string;
      payload?: Record<string, unknown>;
      subjects?: readonly string[];
    },
  ): Promise<Assignment> {
    after.version = before.version + 1;
    const result = await manager
      .createQueryBuilder()
      .update(Assignment)
      .set(changedColumns(manager, before, after))
      .where('id = :id', { id: after.id })
      .returning('updated_at')
      .execute();
    const [row] = result.raw as { updated_at: Date }[];
    if (!row) throw notFound(ASSIGNMENT, after.id);
    after.updatedAt = row.updated_at;
    await this.audit.record(manager, {
      ...acting.audit,
      action: event.action,
      entityType: 'assignment',
      entityId: after.id,
      before: auditView(before),
      after: auditView(after),
      // A reassignment is about the body that had the work as well.
      subjectOrganizationIds: [
        ...(event.subjects ?? (await assignmentAuditSubject(manager, after))),
        before.organizationId,
        before.assignedByOrganizationId,
      ],
    });
    if (event.topic) {
      await this.outbox.add(manager, [
        { topic: event.topic, subject: after.id, payload: event.payload ?? {} },
      ]);
    }
    return after;
  }

  assertOpen(assignment: Assignment): void {
    if (
      assignment.status === AssignmentStatus.COMPLETED ||
      assignment.status === AssignmentStatus.CANCELLED
    ) {
      throw conflict(
        `The assignment is ${assignment.status.toLowerCase()}: it can no longer change`,
        `Nhiệm vụ đã ${assignment.status === AssignmentStatus.COMPLETED ? 'hoàn thành' : 'bị hủy'}: không thể thay đổi`,
        { status: assignment.status },
      );
    }
  }
}

/** What the audit trail keeps of an assignment. */
export function auditView(assignment: Assignment) {
  return {
    taskId: assignment.taskId,
    organizationId: assignment.organizationId,
    role: assignment.role,
    status: assignment.status,
    dueDate: assignment.dueDate,
    baselineDueDate: assignment.baselineDueDate,
    cadence: assignment.cadence,
    percentComplete: assignment.percentComplete,
    completedOn: assignment.completedOn,
    completionRequestedOn: assignment.completionRequestedOn,
    nextReportDue: assignment.nextReportDue,
    version: assignment.version,
  };
}

/** The persisted properties of `after` that differ from `before` (timestamps are the database's). */
function changedColumns(manager: EntityManager, before: Assignment, after: Assignment): Partial<Assignment> {
  const changes: Record<string, unknown> = {};
  for (const column of manager.connection.getMetadata(Assignment).columns) {
    if (column.isCreateDate || column.isUpdateDate || column.isPrimary) continue;
    const property = column.propertyName as keyof Assignment;
    if (after[property] !== before[property]) changes[property] = after[property];
  }
  return changes as Partial<Assignment>;
}

/** An `assignments` row (snake_case, as RETURNING gives it) as the entity's properties. */
function fromRow(row: Record<string, unknown>): Partial<Assignment> {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()),
      column === 'weight' && value !== null ? Number(value) : value,
    ]),
  ) as Partial<Assignment>;
}
