import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type SelectQueryBuilder } from 'typeorm';

import { AssignmentRole, assignmentHiddenSql, type ContentReader, withContentFlag } from '@dondoc/directives';
import {
  type AccessScope,
  isUuid,
  lineageIdsSql,
  lineagePathsSql,
  scopeCondition,
} from '@dondoc/organizations';
import {
  calendarDayOf,
  Clock,
  type ListParams,
  notFound,
  pageQuery,
  resolveListParams,
} from '@dondoc/platform';

import { lookUpRowsForWalkedPage, searchCondition, searchCountPartitions } from './assignment-search.sql.js';
import { AssignmentStatus } from './assignment-status.js';
import { Assignment } from './assignment.entity.js';
import { ASSIGNMENT } from './assignment.errors.js';
import { talliedProvinces, talliedTimeliness } from './dashboard-tallies.js';
import { DEFAULT_WARNING_DAYS, Timeliness } from './timeliness.js';
import { timelinessColumnsOf, timelinessSql } from './timeliness.sql.js';

export interface AssignmentFilter {
  ids?: string[] | null;
  /** Task text and organization names, without diacritics or tone-mark placement. */
  q?: string | null;
  status?: AssignmentStatus[] | null;
  timeliness?: Timeliness[] | null;
  organizationId?: string | null;
  /** With organizationId: also the bodies under it. */
  includeDescendants?: boolean | null;
  taskId?: string | null;
  documentId?: string | null;
  role?: AssignmentRole | null;
  dueFrom?: string | null;
  dueTo?: string | null;
  parentAssignmentId?: string | null;
}

const SORTABLE: Record<string, string> = {
  id: 'a.id',
  dueDate: 'a.due_date',
  baselineDueDate: 'a.baseline_due_date',
  status: 'a.status',
  percentComplete: 'a.percent_complete',
  createdAt: 'a.created_at',
  updatedAt: 'a.updated_at',
};

/** The one way assignments are read: always through the caller's scope, in SQL. */
@Injectable()
export class AssignmentQuery {
  constructor(
    @InjectRepository(Assignment) private readonly assignments: Repository<Assignment>,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return calendarDayOf(this.clock.now());
  }

  /**
   * The scoped, filtered, sorted page as a query, not yet run: `readAssignmentPage` adds its
   * own columns and joins to it, so the page and its relations are one statement. `reader`
   * (the caller) decides whose confidential task texts `q` searches.
   */
  pageQuery(
    reader: ContentReader,
    filter: AssignmentFilter,
    params: ListParams,
  ): SelectQueryBuilder<Assignment> {
    const list = resolveListParams(params, SORTABLE, { sortField: 'dueDate', sortOrder: 'ASC' });
    const query = pageQuery(this.filtered(reader.scope, filter, 'a', reader), list, 'a.id');
    lookUpRowsForWalkedPage(query, list.orderBy, 'a');
    return query;
  }

  async count(reader: ContentReader, filter: AssignmentFilter): Promise<number> {
    const tallied = await this.talliedCount(reader.scope, filter);
    if (tallied !== null) return tallied;
    if (filter.q?.trim()) return this.searchCount(reader, filter, filter.q);
    return this.filtered(reader.scope, filter, 'a', reader).getCount();
  }

  /**
   * A search's count as the sum of two disjoint counts (see `searchCountPartitions`), the rest
   * of the filter applied to both: react-admin asks for it with every page, and counting a
   * common phrase by the OR of the list's condition read every assignment.
   */
  private async searchCount(reader: ContentReader, filter: AssignmentFilter, q: string): Promise<number> {
    const rest = { ...filter, q: null };
    const counts = await Promise.all(
      searchCountPartitions('a', reader, q).map((part) =>
        this.filtered(reader.scope, rest, 'a', reader).andWhere(part.sql, part.parameters).getCount(),
      ),
    );
    return counts.reduce((sum, n) => sum + n, 0);
  }

  /**
   * The count of a list over whole provinces (or the nation), narrowed at most by timeliness,
   * from the dashboard's read model: exact, because the tallies are kept by triggers in the
   * transactions that change assignments, and a few thousand rows read instead of a million
   * counted (react-admin asks for the count with every page). A status filter is read there
   * too when it is made of whole groups the timeliness tells apart (see
   * `timelinessOfStatuses`). Null for any other filter.
   */
  private async talliedCount(scope: AccessScope, filter: AssignmentFilter): Promise<number | null> {
    const provinces = talliedProvinces(scope);
    if (provinces === null) return null;
    const { timeliness, status, ...narrowing } = filter;
    if (Object.values(narrowing).some((value) => value !== null && value !== undefined)) return null;
    if (timeliness && timeliness.length === 0) return null;
    const ofStatus = status?.length ? timelinessOfStatuses(status) : undefined;
    if (ofStatus === null) return null;
    const counts = await talliedTimeliness(
      this.assignments.manager,
      provinces,
      this.today(),
      DEFAULT_WARNING_DAYS,
    );
    return Object.entries(counts)
      .filter(([kind]) => !timeliness || timeliness.includes(kind as Timeliness))
      .filter(([kind]) => !ofStatus || ofStatus.includes(kind as Timeliness))
      .reduce((sum, [, count]) => sum + (count ?? 0), 0);
  }

  async get(reader: ContentReader, id: string): Promise<Assignment> {
    const [found] = await this.shown(reader, this.filtered(reader.scope, { ids: [id] }));
    if (!found) throw notFound(ASSIGNMENT, id);
    return found;
  }

  async findByIds(reader: ContentReader, ids: readonly string[]): Promise<Assignment[]> {
    if (ids.length === 0) return [];
    return this.shown(reader, this.filtered(reader.scope, { ids: [...ids] }));
  }

  /** Assignments of many tasks or parents at once, for DataLoader batches. */
  byTasks(reader: ContentReader, taskIds: readonly string[]): Promise<Assignment[]> {
    return this.shown(
      reader,
      this.filtered(reader.scope, {}).andWhere('a.task_id = ANY(:taskIds::uuid[])', {
        taskIds: [...taskIds],
      }),
    );
  }

  byParents(reader: ContentReader, parentIds: readonly string[]): Promise<Assignment[]> {
    return this.shown(
      reader,
      this.filtered(reader.scope, {}).andWhere('a.parent_assignment_id = ANY(:parentIds::uuid[])', {
        parentIds: [...parentIds],
      }),
    );
  }

  /**
   * Runs an assignment query as the reader sees it: what the assignee wrote about a
   * confidential directive's task the reader may not read (completion summary, cancellation
   * reason) is withheld; dates and status stay. The flag is a column of the same statement.
   */
  private async shown(reader: ContentReader, query: SelectQueryBuilder<Assignment>): Promise<Assignment[]> {
    const rows = await withContentFlag(query, 'a', assignmentHiddenSql('a.task_id', 'a.document_id', reader));
    return rows.map(({ entity, hidden }) =>
      hidden ? Object.assign(new Assignment(), withholdAssigneeWriting(entity)) : entity,
    );
  }

  /**
   * The scoped query. `reader` says whose confidential task texts `q` may match; without one
   * (a scope alone) no confidential directive's text is searched.
   */
  filtered(
    scope: AccessScope,
    filter: AssignmentFilter,
    alias = 'a',
    reader: ContentReader = { scope, organizationId: '', roles: [] },
  ): SelectQueryBuilder<Assignment> {
    const condition = scopeCondition(`${alias}.organization_path`, scope);
    const query = this.assignments.createQueryBuilder(alias).where(condition.sql, condition.parameters);
    if (filter.ids) query.andWhere(`${alias}.id = ANY(:ids::uuid[])`, { ids: filter.ids.filter(isUuid) });
    if (filter.q?.trim()) {
      const search = searchCondition(alias, reader, filter.q);
      query.andWhere(search.sql, search.parameters);
    }
    if (filter.status?.length)
      query.andWhere(`${alias}.status = ANY(:statuses::text[])`, { statuses: filter.status });
    if (filter.timeliness?.length) {
      const timeliness = timelinessSql(timelinessColumnsOf(alias), {
        today: ':today',
        warningDays: ':warningDays',
        against: 'current',
      });
      query.andWhere(`(${timeliness}) = ANY(:timeliness::text[])`, {
        timeliness: filter.timeliness,
        today: this.today(),
        warningDays: DEFAULT_WARNING_DAYS,
      });
      // The same filter said plainly, so the planner can use the indexes on status and due
      // date (it cannot see through the CASE): redundant, never narrower than the CASE.
      const implied = impliedByTimeliness(alias, filter.timeliness);
      if (implied) query.andWhere(implied);
    }
    // A body's work includes the history of the bodies it took over from (mergers, splits);
    // an old body's filter still shows only what it did. Scope still applies on top.
    if (filter.organizationId) {
      const organizationId = asUuid(filter.organizationId);
      if (filter.includeDescendants) {
        query.andWhere(`${alias}.organization_path <@ ANY(${lineagePathsSql(':organizationId')})`, {
          organizationId,
        });
      } else {
        query.andWhere(`${alias}.organization_id IN ${lineageIdsSql(':organizationId')}`, { organizationId });
      }
    }
    if (filter.taskId) query.andWhere(`${alias}.task_id = :taskId`, { taskId: asUuid(filter.taskId) });
    if (filter.documentId)
      query.andWhere(`${alias}.document_id = :documentId`, { documentId: asUuid(filter.documentId) });
    if (filter.parentAssignmentId) {
      query.andWhere(`${alias}.parent_assignment_id = :parentId`, {
        parentId: asUuid(filter.parentAssignmentId),
      });
    }
    if (filter.role) query.andWhere(`${alias}.role = :role`, { role: filter.role });
    if (filter.dueFrom) query.andWhere(`${alias}.due_date >= :dueFrom`, { dueFrom: filter.dueFrom });
    if (filter.dueTo) query.andWhere(`${alias}.due_date <= :dueTo`, { dueTo: filter.dueTo });
    return query;
  }
}

const OPEN = `('${AssignmentStatus.NOT_STARTED}','${AssignmentStatus.IN_PROGRESS}','${AssignmentStatus.COMPLETION_REQUESTED}')`;

/**
 * What a set of timeliness values implies about status — open work for ON_TRACK, DUE_SOON
 * and OVERDUE — written so that the partial index on open work by due date applies: the
 * list then reads open work in its own order (due date, id) and stops after a page, the
 * overdue items coming first. Nothing narrower is implied on purpose: `due_date < today OR
 * due_date IS NULL` (continuous work late through a report) would be true too, but the OR
 * makes PostgreSQL collect and sort every match instead of reading the index in order.
 * `null` when nothing useful is implied.
 */
export function impliedByTimeliness(alias: string, wanted: readonly Timeliness[]): string | null {
  const open = [Timeliness.ON_TRACK, Timeliness.DUE_SOON, Timeliness.OVERDUE];
  return wanted.length > 0 && wanted.every((t) => open.includes(t)) ? `${alias}.status IN ${OPEN}` : null;
}

/**
 * A status filter as timeliness values, when the timeliness tells its statuses apart: a
 * cancelled assignment is CANCELLED, a completed one COMPLETED_ON_TIME or _LATE, an open one
 * (not started, in progress, completion requested) ON_TRACK, DUE_SOON or OVERDUE — and
 * nothing else is. Open statuses only as all three together (the tallies do not keep them
 * apart); `null` for any other set, which is then counted row by row.
 */
export function timelinessOfStatuses(statuses: readonly AssignmentStatus[]): Timeliness[] | null {
  const wanted = new Set(statuses);
  const open = [
    AssignmentStatus.NOT_STARTED,
    AssignmentStatus.IN_PROGRESS,
    AssignmentStatus.COMPLETION_REQUESTED,
  ];
  const someOpen = open.filter((status) => wanted.has(status)).length;
  if (someOpen !== 0 && someOpen !== open.length) return null;
  const kinds: Timeliness[] = [];
  if (someOpen) kinds.push(Timeliness.ON_TRACK, Timeliness.DUE_SOON, Timeliness.OVERDUE);
  if (wanted.has(AssignmentStatus.COMPLETED))
    kinds.push(Timeliness.COMPLETED_ON_TIME, Timeliness.COMPLETED_LATE);
  if (wanted.has(AssignmentStatus.CANCELLED)) kinds.push(Timeliness.CANCELLED);
  return kinds;
}

/**
 * An assignment as a reader who may not read its confidential task sees it: what the
 * assignee wrote (completion summary, cancellation reason) is withheld, its presence kept.
 */
export function withholdAssigneeWriting<T extends Pick<Assignment, 'completionSummary' | 'cancelReason'>>(
  assignment: T,
): T {
  return {
    ...assignment,
    completionSummary: assignment.completionSummary === null ? null : '',
    cancelReason: assignment.cancelReason === null ? null : '',
  };
}

function asUuid(text: string): string {
  return isUuid(text) ? text : '00000000-0000-0000-0000-000000000000';
}
