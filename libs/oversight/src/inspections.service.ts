import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type SelectQueryBuilder } from 'typeorm';

import {
  type Acting,
  Assignment,
  ASSIGNMENT,
  assignmentAuditSubject,
  AssignmentStatus,
} from '@dondoc/assignments';
import { AuditTrail } from '@dondoc/audit';
import { Role } from '@dondoc/identity';
import { type AccessScope, isUuid, scopeCondition, scopeIncludesPath } from '@dondoc/organizations';
import {
  calendarDayOf,
  Clock,
  isCalendarDay,
  type ListParams,
  notFound,
  Outbox,
  page,
  resolveListParams,
} from '@dondoc/platform';

import { Inspection, InspectionSeverity, InspectionStatus } from './inspection.entity.js';
import { conflict, INSPECTION, invalid, notInspector } from './inspection.errors.js';

/** Who records or resolves: the assignment services' actor, plus the roles that allow it. */
export interface InspectionActing extends Acting {
  roles: readonly string[];
}

export interface InspectionFilter {
  ids?: string[] | null;
  assignmentId?: string | null;
  status?: InspectionStatus[] | null;
  severity?: InspectionSeverity[] | null;
  /** The assignee body. */
  organizationId?: string | null;
  /** With organizationId: also the bodies under it. */
  includeDescendants?: boolean | null;
  documentId?: string | null;
  followUpFrom?: string | null;
  followUpTo?: string | null;
}

export interface RecordInspection {
  assignmentId: string;
  finding: string;
  severity: InspectionSeverity;
  remedy: string;
  followUpDate: string;
}

const SORTABLE: Record<string, string> = {
  id: 'i.id',
  createdAt: 'i.created_at',
  followUpDate: 'i.follow_up_date',
  // Ascending is LOW, MEDIUM, HIGH — by weight, not by the letters.
  severity: "CASE i.severity WHEN 'LOW' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END",
  status: 'i.status',
};

const NO_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Inspections (kiểm tra, giám sát): an inspector records a finding on an assignment in their
 * jurisdiction — the conclusion, its severity, the remedy required and the day to check it —
 * and resolves it with a note once the remedy is done. Read like assignments: an officer
 * sees the findings on their own body's subtree, the others their jurisdiction.
 */
@Injectable()
export class InspectionsService {
  constructor(
    @InjectRepository(Inspection) private readonly inspections: Repository<Inspection>,
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async record(acting: InspectionActing, input: RecordInspection): Promise<Inspection> {
    assertInspector(acting);
    const finding = input.finding.trim();
    const remedy = input.remedy.trim();
    if (finding === '')
      throw invalid('finding', 'Write the finding (the conclusion)', 'Cần nêu nội dung kết luận kiểm tra');
    if (remedy === '') throw invalid('remedy', 'Write the remedy required', 'Cần nêu yêu cầu khắc phục');
    if (!Object.values(InspectionSeverity).includes(input.severity)) {
      throw invalid(
        'severity',
        'severity must be LOW, MEDIUM or HIGH',
        'Mức độ phải là LOW, MEDIUM hoặc HIGH',
      );
    }
    if (!isCalendarDay(input.followUpDate)) {
      throw invalid(
        'followUpDate',
        'followUpDate must be a day (YYYY-MM-DD)',
        'Ngày theo dõi khắc phục phải là một ngày (YYYY-MM-DD)',
      );
    }
    const today = calendarDayOf(this.clock.now());
    if (input.followUpDate < today) {
      throw invalid(
        'followUpDate',
        `The follow-up date cannot be in the past (today is ${today})`,
        `Ngày theo dõi khắc phục không được ở trong quá khứ (hôm nay là ${today})`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const assignment = await manager
        .getRepository(Assignment)
        .createQueryBuilder('a')
        .setLock('pessimistic_read')
        .where('a.id = :id', { id: isUuid(input.assignmentId) ? input.assignmentId : NO_ID })
        .getOne();
      if (!assignment || !scopeIncludesPath(acting.scope, assignment.organizationPath))
        throw notFound(ASSIGNMENT, input.assignmentId);
      if (assignment.status === AssignmentStatus.CANCELLED) {
        throw conflict(
          'The assignment is cancelled: there is no work left to inspect',
          'Nhiệm vụ đã bị hủy: không còn việc để kiểm tra',
          { status: assignment.status },
        );
      }
      const repository = manager.getRepository(Inspection);
      const saved = await repository.save(
        repository.create({
          assignmentId: assignment.id,
          documentId: assignment.documentId,
          organizationId: assignment.organizationId,
          organizationPath: assignment.organizationPath,
          inspectorId: acting.userId,
          finding,
          severity: input.severity,
          remedy,
          followUpDate: input.followUpDate,
          status: InspectionStatus.OPEN,
        }),
      );
      await this.audit.record(manager, {
        ...acting.audit,
        action: 'inspection.recorded',
        entityType: 'inspection',
        entityId: saved.id,
        after: view(saved),
        subjectOrganizationIds: await assignmentAuditSubject(manager, assignment),
      });
      // The assignee body hears of the finding through the outbox (EventNotifier).
      await this.outbox.add(manager, [
        {
          topic: 'inspection.recorded',
          subject: saved.id,
          payload: { assignmentId: assignment.id, followUpDate: saved.followUpDate, remedy },
        },
      ]);
      return saved;
    });
  }

  async resolve(acting: InspectionActing, id: string, note: string): Promise<Inspection> {
    assertInspector(acting);
    const resolutionNote = note.trim();
    if (resolutionNote === '') {
      throw invalid(
        'note',
        'Write how the remedy was carried out',
        'Cần nêu kết quả khắc phục khi kết thúc kết luận kiểm tra',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Inspection);
      const inspection = await repository
        .createQueryBuilder('i')
        .setLock('pessimistic_write')
        .where('i.id = :id', { id: isUuid(id) ? id : NO_ID })
        .getOne();
      if (!inspection || !scopeIncludesPath(acting.scope, inspection.organizationPath))
        throw notFound(INSPECTION, id);
      if (inspection.status !== InspectionStatus.OPEN) {
        throw conflict(
          'This inspection finding is already resolved',
          'Kết luận kiểm tra này đã được kết thúc',
          { status: inspection.status },
        );
      }
      const before = view(inspection);
      inspection.status = InspectionStatus.RESOLVED;
      inspection.resolutionNote = resolutionNote;
      inspection.resolvedAt = this.clock.now();
      inspection.resolvedById = acting.userId;
      inspection.version += 1;
      const saved = await repository.save(inspection);
      await this.audit.record(manager, {
        ...acting.audit,
        action: 'inspection.resolved',
        entityType: 'inspection',
        entityId: saved.id,
        before,
        after: view(saved),
        subjectOrganizationIds: await assignmentAuditSubject(
          manager,
          await manager.getRepository(Assignment).findOneByOrFail({ id: saved.assignmentId }),
        ),
      });
      await this.outbox.add(manager, [
        { topic: 'inspection.resolved', subject: saved.id, payload: { assignmentId: saved.assignmentId } },
      ]);
      return saved;
    });
  }

  list(scope: AccessScope, filter: InspectionFilter, params: ListParams): Promise<Inspection[]> {
    const list = resolveListParams(params, SORTABLE, { sortField: 'createdAt', sortOrder: 'DESC' });
    return page(this.filtered(scope, filter), list, 'i.id');
  }

  count(scope: AccessScope, filter: InspectionFilter): Promise<number> {
    return this.filtered(scope, filter).getCount();
  }

  async get(scope: AccessScope, id: string): Promise<Inspection> {
    const found = await this.filtered(scope, { ids: [id] }).getOne();
    if (!found) throw notFound(INSPECTION, id);
    return found;
  }

  /** The inspections of many assignments at once, newest first (for DataLoader). */
  byAssignments(scope: AccessScope, assignmentIds: readonly string[]): Promise<Inspection[]> {
    if (assignmentIds.length === 0) return Promise.resolve([]);
    return this.filtered(scope, {})
      .andWhere('i.assignment_id = ANY(:assignmentIds::uuid[])', {
        assignmentIds: assignmentIds.filter(isUuid),
      })
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .getMany();
  }

  /** How many OPEN inspections each of these assignments has (absent: none). */
  async openCounts(scope: AccessScope, assignmentIds: readonly string[]): Promise<Map<string, number>> {
    if (assignmentIds.length === 0) return new Map();
    const rows = await this.filtered(scope, { status: [InspectionStatus.OPEN] })
      .andWhere('i.assignment_id = ANY(:assignmentIds::uuid[])', {
        assignmentIds: assignmentIds.filter(isUuid),
      })
      .select('i.assignment_id', 'assignmentId')
      .addSelect('count(*)::int', 'count')
      .groupBy('i.assignment_id')
      .getRawMany<{ assignmentId: string; count: number }>();
    return new Map(rows.map((row) => [row.assignmentId, row.count]));
  }

  private filtered(scope: AccessScope, filter: InspectionFilter): SelectQueryBuilder<Inspection> {
    const condition = scopeCondition('i.organization_path', scope);
    const query = this.inspections.createQueryBuilder('i').where(condition.sql, condition.parameters);
    if (filter.ids) query.andWhere('i.id = ANY(:ids::uuid[])', { ids: filter.ids.filter(isUuid) });
    if (filter.assignmentId)
      query.andWhere('i.assignment_id = :assignmentId', { assignmentId: asUuid(filter.assignmentId) });
    if (filter.status?.length)
      query.andWhere('i.status = ANY(:statuses::text[])', { statuses: filter.status });
    if (filter.severity?.length)
      query.andWhere('i.severity = ANY(:severities::text[])', { severities: filter.severity });
    if (filter.organizationId) {
      const organizationId = asUuid(filter.organizationId);
      if (filter.includeDescendants) {
        query.andWhere('i.organization_path <@ (SELECT path FROM organizations WHERE id = :organizationId)', {
          organizationId,
        });
      } else {
        query.andWhere('i.organization_id = :organizationId', { organizationId });
      }
    }
    if (filter.documentId)
      query.andWhere('i.document_id = :documentId', { documentId: asUuid(filter.documentId) });
    if (filter.followUpFrom) {
      query.andWhere('i.follow_up_date >= :followUpFrom', { followUpFrom: checkedDay(filter.followUpFrom) });
    }
    if (filter.followUpTo)
      query.andWhere('i.follow_up_date <= :followUpTo', { followUpTo: checkedDay(filter.followUpTo) });
    return query;
  }
}

function assertInspector(acting: InspectionActing): void {
  if (!acting.roles.includes(Role.INSPECTOR) && !acting.roles.includes(Role.ADMIN)) throw notInspector();
}

function asUuid(text: string): string {
  return isUuid(text) ? text : NO_ID;
}

function checkedDay(day: string): string {
  if (!isCalendarDay(day)) throw invalid('followUp', 'A day is YYYY-MM-DD', 'Ngày phải có dạng YYYY-MM-DD');
  return day;
}

function view(inspection: Inspection) {
  return {
    assignmentId: inspection.assignmentId,
    organizationId: inspection.organizationId,
    inspectorId: inspection.inspectorId,
    finding: inspection.finding,
    severity: inspection.severity,
    remedy: inspection.remedy,
    followUpDate: inspection.followUpDate,
    status: inspection.status,
    resolutionNote: inspection.resolutionNote,
    resolvedById: inspection.resolvedById,
  };
}
