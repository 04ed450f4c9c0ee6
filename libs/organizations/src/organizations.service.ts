import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Repository, type SelectQueryBuilder } from 'typeorm';

import { type AuditActor, AuditTrail } from '@dondoc/audit';
import {
  badInput,
  Clock,
  endSessionsOfUsers,
  type ListParams,
  notFound,
  page,
  resolveListParams,
} from '@dondoc/platform';

import { type AccessScope, scopeCondition } from './access-scope.js';
import { containsPattern } from './fold-text.js';
import { OrganizationKind, OrganizationLevel } from './organization-kind.js';
import { Organization, pathLabel } from './organization.entity.js';

export interface OrganizationFilter {
  ids?: string[] | null;
  /** Matches names, short names and aliases, without diacritics. */
  q?: string | null;
  parentId?: string | null;
  kind?: OrganizationKind | null;
  level?: OrganizationLevel | null;
  active?: boolean | null;
}

export interface OrganizationInput {
  name: string;
  shortName?: string | null;
  kind: OrganizationKind;
  level: OrganizationLevel;
  parentId?: string | null;
  aliases?: string[];
  active?: boolean;
  key?: string | null;
}

const SORTABLE: Record<string, string> = {
  id: 'o.id',
  name: 'o.name',
  shortName: 'o.short_name',
  kind: 'o.kind',
  level: 'o.level',
  path: 'o.path',
  createdAt: 'o.created_at',
};

const ORGANIZATION = { en: 'Organization', vi: 'cơ quan, đơn vị' };

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async list(scope: AccessScope, filter: OrganizationFilter, params: ListParams): Promise<Organization[]> {
    const list = resolveListParams(params, SORTABLE, { sortField: 'path', sortOrder: 'ASC' });
    return page(this.filtered(scope, filter), list, 'o.id');
  }

  count(scope: AccessScope, filter: OrganizationFilter): Promise<number> {
    return this.filtered(scope, filter).getCount();
  }

  /** One organization the caller may see; anything else is "not found". */
  async get(scope: AccessScope, id: string): Promise<Organization> {
    const found = await this.filtered(scope, { ids: [id] }).getOne();
    if (!found) throw notFound(ORGANIZATION, id);
    return found;
  }

  /** Several by id, in scope, for DataLoader batches (missing ids are simply absent). */
  findByIds(scope: AccessScope, ids: readonly string[]): Promise<Organization[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.filtered(scope, { ids: [...ids] }).getMany();
  }

  /** Every organization in the scope, for building the document reader's gazetteer. */
  findAll(scope: AccessScope): Promise<Organization[]> {
    return this.filtered(scope, {}).orderBy('o.path', 'ASC').getMany();
  }

  /** Unscoped lookup, for internal use (tokens, seeding); never for a caller's read. */
  findById(id: string): Promise<Organization | null> {
    return this.organizations.findOne({ where: { id } });
  }

  findByKeys(keys: string[]): Promise<Organization[]> {
    return this.organizations.find({ where: { key: In(keys) } });
  }

  /** Adds a body under a parent the caller may see; the change and its audit event commit together. */
  async create(scope: AccessScope, input: OrganizationInput, actor: AuditActor): Promise<Organization> {
    const parent = input.parentId ? await this.get(scope, input.parentId) : null;
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Organization);
      const entity = repository.create({
        key: input.key ?? null,
        name: requireName(input.name),
        shortName: input.shortName?.trim() || null,
        kind: input.kind,
        level: input.level,
        parentId: parent?.id ?? null,
        aliases: cleanAliases(input.aliases),
        active: input.active ?? true,
        path: 'pending',
      });
      // The path needs the id: take one from PostgreSQL first, then insert once.
      const [{ id }] = (await manager.query('SELECT gen_random_uuid() AS id')) as [{ id: string }];
      entity.id = id;
      entity.path = parent ? `${parent.path}.${pathLabel(id)}` : pathLabel(id);
      const saved = await repository.save(entity);
      await this.audit.record(manager, {
        ...actor,
        action: 'organization.created',
        entityType: 'organization',
        entityId: saved.id,
        after: auditView(saved),
        subjectOrganizationIds: [saved.id],
      });
      return saved;
    });
  }

  async update(
    scope: AccessScope,
    id: string,
    changes: Partial<Omit<OrganizationInput, 'parentId' | 'key'>>,
    actor: AuditActor,
  ): Promise<Organization> {
    const organization = await this.get(scope, id);
    const before = auditView(organization);
    // A null argument leaves a field as it is: none of these may be emptied.
    if (changes.name != null) organization.name = requireName(changes.name);
    if (changes.shortName !== undefined) organization.shortName = changes.shortName?.trim() || null;
    if (changes.kind != null) organization.kind = changes.kind;
    if (changes.level != null) organization.level = changes.level;
    if (changes.aliases != null) organization.aliases = cleanAliases(changes.aliases);
    if (changes.active != null) organization.active = changes.active;
    const deactivated = before.active && !organization.active;
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(Organization).save(organization);
      // Its people's tokens name a body that no longer acts: their sessions end with it, and
      // sign-in refuses them while it stays inactive (AuthService).
      if (deactivated) await endSessionsOfUsers(manager, await usersOf(manager, saved.id), this.clock.now());
      await this.audit.record(manager, {
        ...actor,
        action: 'organization.updated',
        entityType: 'organization',
        entityId: saved.id,
        before,
        after: auditView(saved),
        subjectOrganizationIds: [saved.id],
      });
      return saved;
    });
  }

  /** Ids of every organization in the scope (a jurisdiction: about a hundred for a province). */
  async idsInScope(scope: AccessScope): Promise<string[]> {
    const condition = scopeCondition('o.path', scope);
    const rows = await this.organizations
      .createQueryBuilder('o')
      .select('o.id', 'id')
      .where(condition.sql, condition.parameters)
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /**
   * The ltree paths of every body that any body within `paths` took over from (through
   * mergers and splits, transitively), which `paths` do not already cover: what a scope
   * adds so a successor's people can read their predecessors' history.
   */
  async predecessorPaths(paths: readonly string[]): Promise<string[]> {
    if (paths.length === 0) return [];
    const rows = (await this.dataSource.query(
      `WITH RECURSIVE lineage(id) AS (
         SELECT s.predecessor_id FROM organization_successions s
           JOIN organizations successor ON successor.id = s.successor_id
          WHERE successor.path <@ $1::ltree[]
         UNION
         SELECT s.predecessor_id FROM organization_successions s JOIN lineage l ON s.successor_id = l.id)
       SELECT o.path::text AS path FROM organizations o JOIN lineage l ON l.id = o.id
        WHERE NOT (o.path <@ $1::ltree[])`,
      [paths],
    )) as { path: string }[];
    // Keep the highest of nested paths: a subtree already covers what is under it.
    const found = [...new Set(rows.map((row) => row.path))].sort((a, b) => a.length - b.length);
    const kept: string[] = [];
    for (const path of found) {
      if (!kept.some((root) => path === root || path.startsWith(`${root}.`))) kept.push(path);
    }
    return kept;
  }

  /** Ids of the organization and everything under it (within the caller's scope). */
  async subtreeIds(scope: AccessScope, id: string): Promise<string[]> {
    const root = await this.get(scope, id);
    const condition = scopeCondition('o.path', scope);
    const rows = await this.organizations
      .createQueryBuilder('o')
      .select('o.id', 'id')
      .where('o.path <@ :root::ltree', { root: root.path })
      .andWhere(condition.sql, condition.parameters)
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  private filtered(scope: AccessScope, filter: OrganizationFilter): SelectQueryBuilder<Organization> {
    const condition = scopeCondition('o.path', scope);
    const query = this.organizations.createQueryBuilder('o').where(condition.sql, condition.parameters);
    if (filter.ids) query.andWhere('o.id = ANY(:ids::uuid[])', { ids: filter.ids.filter(isUuid) });
    if (filter.q?.trim())
      query.andWhere("o.search_text LIKE :q ESCAPE '\\'", { q: containsPattern(filter.q) });
    if (filter.parentId) query.andWhere('o.parent_id = :parentId', { parentId: asUuid(filter.parentId) });
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.level) query.andWhere('o.level = :level', { level: filter.level });
    if (filter.active !== undefined && filter.active !== null)
      query.andWhere('o.active = :active', { active: filter.active });
    return query;
  }
}

/** What the audit trail keeps of an organization. */
export function auditView(organization: Organization) {
  return {
    name: organization.name,
    shortName: organization.shortName,
    kind: organization.kind,
    level: organization.level,
    parentId: organization.parentId,
    aliases: organization.aliases,
    active: organization.active,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** An id that is not a UUID cannot exist: it matches nothing rather than raising a SQL error. */
function asUuid(text: string): string {
  return isUuid(text) ? text : '00000000-0000-0000-0000-000000000000';
}

function requireName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw badInput('name', { en: 'A name is required', vi: 'Cần nhập tên' });
  return trimmed;
}

function cleanAliases(aliases: string[] | undefined): string[] {
  return [...new Set((aliases ?? []).map((alias) => alias.trim()).filter((alias) => alias !== ''))];
}

/** Ids of the people of one body, read in the transaction that changes it. */
async function usersOf(manager: EntityManager, organizationId: string): Promise<string[]> {
  const rows = (await manager.query('SELECT id FROM users WHERE organization_id = $1', [organizationId])) as {
    id: string;
  }[];
  return rows.map((row) => row.id);
}
