import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';

import { type AuditActor, type AuditEntry, AuditTrail } from '@dondoc/audit';
import {
  badInput,
  calendarDayOf,
  Clock,
  DomainErrorCode,
  DomainException,
  endSessionsOfUsers,
  isCalendarDay,
  notFound,
  Outbox,
  type OutboxEntry,
} from '@dondoc/platform';

import { type AccessScope, scopeIncludesPath } from './access-scope.js';
import { moveOpenAssignments, type AssignmentHandover } from './lineage-assignments.js';
import { OrganizationKind } from './organization-kind.js';
import { OrganizationSuccession, SuccessionKind } from './organization-succession.entity.js';
import { Organization, pathLabel } from './organization.entity.js';
import { auditView, isUuid } from './organizations.service.js';

export interface MergeOrganizationsInput {
  sourceIds: string[];
  targetId: string;
  /** The calendar day the merger took effect (YYYY-MM-DD). */
  effectiveDate: string;
  note?: string | null;
}

export interface SuccessorSpec {
  name: string;
  kind: OrganizationKind;
  /** Where the successor sits; the source's parent when not given. */
  parentId?: string | null;
  shortName?: string | null;
  aliases?: string[];
}

export interface SplitOrganizationInput {
  sourceId: string;
  successors: SuccessorSpec[];
  effectiveDate: string;
  note?: string | null;
}

/** What one reorganization did, for the caller and the command line's summary. */
export interface ReorganizationSummary {
  /** Open assignments now held by the successor. */
  moved: number;
  /** Open assignments closed because the successor already held the same task. */
  folded: number;
  usersMoved: number;
  /** Bodies placed under the successor (the source's direct children). */
  reparented: number;
}

const ORGANIZATION = { en: 'Organization', vi: 'cơ quan, đơn vị' };

/**
 * Mergers and splits (sáp nhập, hợp nhất, chia tách) effective on a date. The rules:
 * - the source becomes inactive, `dissolvedOn` the effective date, and a succession
 *   (predecessor → successor) is recorded; the source keeps its id, name and finished work,
 *   so history still shows who did what;
 * - every open assignment (not COMPLETED nor CANCELLED) of the source moves to the successor
 *   (organization and path, version bumped), one audit event and one outbox event each (the
 *   worker notifies the successor's people); finished assignments stay with the source;
 * - an open assignment for a task the successor already holds cannot become a second
 *   assignment of one body for one task: it is closed (CANCELLED with the reason) and the
 *   successor's own assignment carries the work — see lineage-assignments.ts;
 * - the source's people move to the successor: their accounts keep working and they see the
 *   work they were doing (the body they belonged to no longer exists);
 * - the source's children are placed under the successor, with the paths of the whole
 *   subtree, of its assignments and of its documents rewritten;
 * - the source's name, short name and aliases become aliases of the successor, so the old
 *   name (in search, and in the document reader's gazetteer) finds the body that carries on.
 */
@Injectable()
export class LineageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  merge(
    scope: AccessScope,
    input: MergeOrganizationsInput,
    actor: AuditActor,
  ): Promise<{ target: Organization; summary: ReorganizationSummary }> {
    return this.dataSource.transaction((manager) => this.mergeWith(manager, scope, input, actor));
  }

  /** The merger inside the caller's transaction (the reorganization scenario runs several in one). */
  async mergeWith(
    manager: EntityManager,
    scope: AccessScope,
    input: MergeOrganizationsInput,
    actor: AuditActor,
  ): Promise<{ target: Organization; summary: ReorganizationSummary }> {
    const effectiveDate = this.checkEffectiveDate(input.effectiveDate);
    const sourceIds = [...new Set(input.sourceIds)];
    if (sourceIds.length === 0) {
      throw badInput('sourceIds', {
        en: 'Name at least one organization to merge',
        vi: 'Cần chọn ít nhất một cơ quan, đơn vị được sáp nhập',
      });
    }
    if (sourceIds.includes(input.targetId)) {
      throw badInput('targetId', {
        en: 'An organization cannot be merged into itself',
        vi: 'Không thể sáp nhập một cơ quan, đơn vị vào chính nó',
      });
    }
    const bodies = await this.lock(manager, scope, [input.targetId, ...sourceIds]);
    const target = bodies.get(input.targetId)!;
    assertActive(target, 'targetId');
    for (const id of sourceIds) assertActive(bodies.get(id)!, 'sourceIds');
    for (const id of sourceIds) {
      const source = bodies.get(id)!;
      if (target.path.startsWith(`${source.path}.`)) {
        throw badInput('targetId', {
          en: `${target.name} is under ${source.name}: a body cannot be merged into its own descendant`,
          vi: `${target.name} trực thuộc ${source.name}: không thể sáp nhập một cơ quan vào đơn vị cấp dưới của nó`,
        });
      }
    }

    const summary: ReorganizationSummary = { moved: 0, folded: 0, usersMoved: 0, reparented: 0 };
    const targetBefore = auditView(target);
    for (const id of sourceIds) {
      // Read again: an earlier source of this merger may have been this one's ancestor.
      const source = await manager.getRepository(Organization).findOneByOrFail({ id });
      await this.succeed(manager, actor, {
        source,
        successor: target,
        kind: SuccessionKind.MERGER,
        effectiveDate,
        note: input.note ?? null,
        summary,
      });
    }
    const saved = await manager.getRepository(Organization).save(target);
    await this.audit.record(manager, {
      ...actor,
      action: 'organization.merged_into',
      entityType: 'organization',
      entityId: saved.id,
      before: targetBefore,
      after: { ...auditView(saved), predecessorIds: sourceIds, effectiveDate },
      subjectOrganizationIds: [saved.id, ...sourceIds],
    });
    return { target: saved, summary };
  }

  split(
    scope: AccessScope,
    input: SplitOrganizationInput,
    actor: AuditActor,
  ): Promise<{ successors: Organization[]; summary: ReorganizationSummary }> {
    return this.dataSource.transaction((manager) => this.splitWith(manager, scope, input, actor));
  }

  /**
   * A split: the successors are created under the given parents (the source's parent by
   * default). The FIRST successor named continues the source: it takes the open
   * assignments, the people, the children and the old names. Copying each open assignment
   * to every successor would make several bodies accountable for one piece of work, which
   * the one-lead rule (Decree 39/2022/NĐ-CP) forbids; the continuing body can then delegate
   * parts to the others like any assignee.
   */
  async splitWith(
    manager: EntityManager,
    scope: AccessScope,
    input: SplitOrganizationInput,
    actor: AuditActor,
  ): Promise<{ successors: Organization[]; summary: ReorganizationSummary }> {
    const effectiveDate = this.checkEffectiveDate(input.effectiveDate);
    if (input.successors.length === 0) {
      throw badInput('successors', {
        en: 'Name at least one successor',
        vi: 'Cần nêu ít nhất một cơ quan, đơn vị kế thừa',
      });
    }
    const parentIds = input.successors
      .map((successor) => successor.parentId)
      .filter((id): id is string => !!id);
    const bodies = await this.lock(manager, scope, [input.sourceId, ...parentIds]);
    const source = bodies.get(input.sourceId)!;
    assertActive(source, 'sourceId');
    const repository = manager.getRepository(Organization);
    const successors: Organization[] = [];
    for (const [index, spec] of input.successors.entries()) {
      const name = spec.name.trim();
      if (name === '') {
        throw badInput(`successors.${index}.name`, { en: 'A name is required', vi: 'Cần nhập tên' });
      }
      const parent = spec.parentId
        ? bodies.get(spec.parentId)!
        : source.parentId
          ? await repository.findOneByOrFail({ id: source.parentId })
          : null;
      if (parent && (parent.id === source.id || parent.path.startsWith(`${source.path}.`))) {
        throw badInput(`successors.${index}.parentId`, {
          en: `A successor cannot sit under the body it replaces (${source.name})`,
          vi: `Cơ quan kế thừa không thể trực thuộc cơ quan bị chia tách (${source.name})`,
        });
      }
      if (parent && !parent.active) {
        throw badInput(`successors.${index}.parentId`, {
          en: `${parent.name} is no longer active`,
          vi: `${parent.name} đã ngừng hoạt động`,
        });
      }
      const [{ id }] = (await manager.query('SELECT gen_random_uuid() AS id')) as [{ id: string }];
      const created = await repository.save(
        repository.create({
          id,
          key: null,
          name,
          shortName: spec.shortName?.trim() || null,
          kind: spec.kind,
          level: source.level,
          parentId: parent?.id ?? null,
          path: parent ? `${parent.path}.${pathLabel(id)}` : pathLabel(id),
          aliases: [...new Set((spec.aliases ?? []).map((alias) => alias.trim()).filter(Boolean))],
          active: true,
          dissolvedOn: null,
        }),
      );
      await this.audit.record(manager, {
        ...actor,
        action: 'organization.created',
        entityType: 'organization',
        entityId: created.id,
        after: { ...auditView(created), splitFrom: source.id, effectiveDate },
        subjectOrganizationIds: [created.id, source.id],
      });
      successors.push(created);
    }

    const summary: ReorganizationSummary = { moved: 0, folded: 0, usersMoved: 0, reparented: 0 };
    const [continuing, ...others] = successors;
    const continuingBefore = auditView(continuing);
    await this.succeed(manager, actor, {
      source,
      successor: continuing,
      kind: SuccessionKind.SPLIT,
      effectiveDate,
      note: input.note ?? null,
      summary,
    });
    for (const other of others) {
      await this.record(manager, source, other, SuccessionKind.SPLIT, effectiveDate, input.note ?? null);
    }
    successors[0] = await repository.save(continuing);
    await this.audit.record(manager, {
      ...actor,
      action: 'organization.continues',
      entityType: 'organization',
      entityId: continuing.id,
      before: continuingBefore,
      after: { ...auditView(continuing), predecessorIds: [source.id], effectiveDate },
      subjectOrganizationIds: [continuing.id, source.id],
    });
    return { successors, summary };
  }

  /** The bodies that took over from these (merged into or split into), by predecessor id. */
  async successorsOf(scope: AccessScope, ids: readonly string[]): Promise<Map<string, Organization[]>> {
    return this.related(scope, ids, 'predecessor_id', 'successor_id');
  }

  /** The bodies these took over from, by successor id. */
  async predecessorsOf(scope: AccessScope, ids: readonly string[]): Promise<Map<string, Organization[]>> {
    return this.related(scope, ids, 'successor_id', 'predecessor_id');
  }

  /**
   * One source handed over to one successor: succession recorded, children re-parented,
   * open work and people moved, old names kept, the source dissolved. `successor` is
   * changed in memory (aliases); the caller saves it.
   */
  private async succeed(
    manager: EntityManager,
    actor: AuditActor,
    step: {
      source: Organization;
      successor: Organization;
      kind: SuccessionKind;
      effectiveDate: string;
      note: string | null;
      summary: ReorganizationSummary;
    },
  ): Promise<void> {
    const { source, successor, effectiveDate, summary } = step;
    await this.record(manager, source, successor, step.kind, effectiveDate, step.note);
    summary.reparented += await this.reparentChildren(manager, actor, source, successor);

    const handover: AssignmentHandover = await moveOpenAssignments(manager, {
      source,
      successor,
      effectiveDate,
    });
    summary.moved += handover.moved.length;
    summary.folded += handover.folded.length;
    await this.audit.recordMany(manager, [
      ...handover.moved.map((change): AuditEntry => ({
        ...actor,
        action: 'assignment.transferred',
        entityType: 'assignment',
        entityId: change.id,
        before: change.before,
        after: change.after,
        subjectOrganizationIds: [source.id, successor.id, change.documentOwnerId],
      })),
      ...handover.folded.map((change): AuditEntry => ({
        ...actor,
        action: 'assignment.folded_into_successor',
        entityType: 'assignment',
        entityId: change.id,
        before: change.before,
        after: change.after,
        subjectOrganizationIds: [source.id, successor.id, change.documentOwnerId],
      })),
    ]);
    await this.outbox.add(
      manager,
      handover.moved.map((change): OutboxEntry => ({
        topic: 'assignment.transferred',
        subject: change.id,
        payload: { fromOrganizationId: source.id, comment: source.name },
      })),
    );

    const users = (await manager.query(
      `UPDATE users SET organization_id = $2, updated_at = now() WHERE organization_id = $1 RETURNING id`,
      [source.id, successor.id],
    )) as [{ id: string }[], number];
    const movedUsers = users[0];
    summary.usersMoved += movedUsers.length;
    // Their tokens name the dissolved body and its scope: they sign in again as the successor's.
    await endSessionsOfUsers(
      manager,
      movedUsers.map((user) => user.id),
      this.clock.now(),
    );
    await this.audit.recordMany(
      manager,
      movedUsers.map((user): AuditEntry => ({
        ...actor,
        action: 'user.transferred',
        entityType: 'user',
        entityId: user.id,
        before: { organizationId: source.id },
        after: { organizationId: successor.id },
        subjectOrganizationIds: [source.id, successor.id],
      })),
    );

    successor.aliases = [
      ...new Set(
        [...successor.aliases, source.name, source.shortName ?? '', ...source.aliases].filter(
          (alias) => alias.trim() !== '' && alias !== successor.name,
        ),
      ),
    ];
    const before = auditView(source);
    source.active = false;
    source.dissolvedOn = effectiveDate;
    const dissolved = await manager.getRepository(Organization).save(source);
    await this.audit.record(manager, {
      ...actor,
      action: step.kind === SuccessionKind.MERGER ? 'organization.merged' : 'organization.split',
      entityType: 'organization',
      entityId: dissolved.id,
      before,
      after: { ...auditView(dissolved), dissolvedOn: effectiveDate, successorId: successor.id },
      subjectOrganizationIds: [dissolved.id, successor.id],
    });
  }

  private async record(
    manager: EntityManager,
    source: Organization,
    successor: Organization,
    kind: SuccessionKind,
    effectiveDate: string,
    note: string | null,
  ): Promise<void> {
    await manager.getRepository(OrganizationSuccession).insert({
      predecessorId: source.id,
      successorId: successor.id,
      kind,
      effectiveDate,
      note: note?.trim() || null,
    });
  }

  /**
   * Places the source's direct children under the successor and rewrites every copy of the
   * subtree's paths: the organizations, their assignments and their documents. Paths are
   * not something people did, so assignment versions are left alone.
   */
  private async reparentChildren(
    manager: EntityManager,
    actor: AuditActor,
    source: Organization,
    successor: Organization,
  ): Promise<number> {
    const children = (await manager.query(
      `UPDATE organizations SET parent_id = $2, updated_at = now() WHERE parent_id = $1 RETURNING id`,
      [source.id, successor.id],
    )) as [{ id: string }[], number];
    const rewrite = (table: string, column: string) =>
      manager.query(
        `UPDATE ${table} SET ${column} = $2::ltree || subpath(${column}, nlevel($1::ltree))
          WHERE ${column} <@ $1::ltree AND ${column} <> $1::ltree`,
        [source.path, successor.path],
      );
    await rewrite('organizations', 'path');
    await rewrite('assignments', 'organization_path');
    await rewrite('inspections', 'organization_path');
    await rewrite('documents', 'owner_path');
    await this.audit.recordMany(
      manager,
      children[0].map((child): AuditEntry => ({
        ...actor,
        action: 'organization.reparented',
        entityType: 'organization',
        entityId: child.id,
        before: { parentId: source.id },
        after: { parentId: successor.id },
        subjectOrganizationIds: [child.id, source.id, successor.id],
      })),
    );
    return children[0].length;
  }

  /** The named bodies, locked for the change; one the caller may not see is "not found". */
  private async lock(
    manager: EntityManager,
    scope: AccessScope,
    ids: string[],
  ): Promise<Map<string, Organization>> {
    const wanted = [...new Set(ids)];
    const found = await manager.getRepository(Organization).find({
      where: { id: In(wanted.filter(isUuid)) },
      lock: { mode: 'pessimistic_write' },
    });
    const byId = new Map(found.map((organization) => [organization.id, organization]));
    for (const id of wanted) {
      const organization = byId.get(id);
      if (!organization || !scopeIncludesPath(scope, organization.path)) throw notFound(ORGANIZATION, id);
    }
    return byId;
  }

  /** A real calendar day, not in the future: a reorganization is applied when it has happened. */
  private checkEffectiveDate(day: string): string {
    if (!isCalendarDay(day)) {
      throw badInput('effectiveDate', {
        en: `The effective date "${day}" is not a calendar day (YYYY-MM-DD)`,
        vi: `Ngày hiệu lực "${day}" không phải là một ngày hợp lệ (YYYY-MM-DD)`,
      });
    }
    const today = calendarDayOf(this.clock.now());
    if (day > today) {
      throw badInput('effectiveDate', {
        en: `The effective date ${day} is after today (${today}): record a reorganization once it has taken effect`,
        vi: `Ngày hiệu lực ${day} sau ngày hôm nay (${today}): chỉ ghi nhận việc sắp xếp khi đã có hiệu lực`,
      });
    }
    return day;
  }

  private async related(
    scope: AccessScope,
    ids: readonly string[],
    from: 'predecessor_id' | 'successor_id',
    to: 'predecessor_id' | 'successor_id',
  ): Promise<Map<string, Organization[]>> {
    const result = new Map<string, Organization[]>(ids.map((id) => [id, []]));
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return result;
    const rows = (await this.dataSource.query(
      `SELECT s.${from} AS "fromId", o.id
         FROM organization_successions s JOIN organizations o ON o.id = s.${to}
        WHERE s.${from} = ANY($1::uuid[])
        ORDER BY s.effective_date, s.created_at, o.name`,
      [valid],
    )) as { fromId: string; id: string }[];
    const organizations = await this.dataSource
      .getRepository(Organization)
      .findBy({ id: In([...new Set(rows.map((row) => row.id))]) });
    const byId = new Map(organizations.map((organization) => [organization.id, organization]));
    for (const row of rows) {
      const organization = byId.get(row.id);
      if (organization && scopeIncludesPath(scope, organization.path))
        result.get(row.fromId)?.push(organization);
    }
    return result;
  }
}

function assertActive(organization: Organization, field: string): void {
  if (organization.active) return;
  const since = organization.dissolvedOn ? ` (dissolved on ${organization.dissolvedOn})` : '';
  const sinceVi = organization.dissolvedOn ? ` (từ ngày ${organization.dissolvedOn})` : '';
  throw new DomainException(
    DomainErrorCode.CONFLICT,
    {
      en: `${organization.name} is already inactive${since}: it cannot be merged or split again`,
      vi: `${organization.name} đã ngừng hoạt động${sinceVi}: không thể sáp nhập hoặc chia tách lần nữa`,
    },
    { field, organizationId: organization.id, dissolvedOn: organization.dissolvedOn },
  );
}
