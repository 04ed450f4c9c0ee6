import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';

import { AuditEvent } from './audit-event.entity.js';
import { AuditException, AuditExceptionCode } from './audit.exception.js';

export interface AuditEventsFilter {
  /** Event ids (bigint as decimal strings); anything else matches nothing. */
  ids?: readonly string[];
  entityType?: string;
  entityId?: string;
  actorId?: string;
}

/**
 * Which events the caller may see, decided by the caller's policy and applied here in SQL.
 * `all` for an administrator. Otherwise events about records in the caller's scope (a
 * subject path at or under one of `subjectPaths`), whoever acted, the system included; plus
 * the caller's own actions wherever they were; plus, for events recorded without a subject
 * (before subjects were kept), those whose actor belonged to `actorOrganizationIds`.
 */
export type AuditScope =
  | { kind: 'all' }
  | {
      kind: 'subjects';
      /** ltree roots: the caller's jurisdiction or body, and the bodies it took over from. */
      subjectPaths: readonly string[];
      /** The caller: their own actions stay theirs to read. */
      actorId: string | null;
      /** The bodies within `subjectPaths`, by id, for the events that have no subject. */
      actorOrganizationIds: readonly string[];
    };

export const AUDIT_SCOPE_ALL: AuditScope = { kind: 'all' };

export const AUDIT_SORT_FIELDS = ['id', 'occurredAt', 'action', 'entityType'] as const;
export type AuditSortField = (typeof AUDIT_SORT_FIELDS)[number];

export interface AuditEventsCountQuery {
  filter?: AuditEventsFilter;
  scope: AuditScope;
}

/** The react-admin list arguments (`allAuditEvents`); `page` counts from 0, as API.md says. */
export interface AuditEventsListQuery extends AuditEventsCountQuery {
  page?: number;
  perPage?: number;
  /** One of AUDIT_SORT_FIELDS; a string because it comes straight from the client. */
  sortField?: string;
  sortOrder?: string;
}

export const AUDIT_MAX_PER_PAGE = 1_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const LTREE = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

/** Reads the audit trail for people: filtered, scoped, sorted, a page at a time. */
@Injectable()
export class AuditEventsService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** A page of events, newest first unless asked otherwise. */
  async list(query: AuditEventsListQuery): Promise<AuditEvent[]> {
    const page = query.page ?? 0;
    const perPage = query.perPage ?? 25;
    if (!Number.isInteger(page) || page < 0) {
      throw new AuditException(AuditExceptionCode.INVALID_PAGE, `page must be 0 or more, not ${page}`);
    }
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > AUDIT_MAX_PER_PAGE) {
      throw new AuditException(
        AuditExceptionCode.INVALID_PAGE,
        `perPage must be between 1 and ${AUDIT_MAX_PER_PAGE}, not ${perPage}`,
      );
    }
    const sortField = sortFieldOf(query.sortField);
    const sortOrder = sortOrderOf(query.sortOrder);
    const builder = this.scoped(query).orderBy(`event.${sortField}`, sortOrder);
    // Ties on a non-unique field are broken by id, so pages neither repeat nor skip rows.
    if (sortField !== 'id') builder.addOrderBy('event.id', sortOrder);
    return builder
      .offset(page * perPage)
      .limit(perPage)
      .getMany();
  }

  /** How many events `list` would page through (`_allAuditEventsMeta.count`). */
  async count(query: AuditEventsCountQuery): Promise<number> {
    return this.scoped(query).getCount();
  }

  /**
   * The WHERE clause shared by list and count. The indexes of migration 1764201700000
   * serve it: (entity_type, entity_id, id) for a record's history, (actor_id, id) for a
   * person's actions; the scope is a filter on top (the GiST index on subject_paths of
   * migration 1764202520000 serves `subject_paths <@ root`, one per root of the scope).
   */
  private scoped({ filter = {}, scope }: AuditEventsCountQuery): SelectQueryBuilder<AuditEvent> {
    const builder = this.events.createQueryBuilder('event');
    if (scope.kind !== 'all') restrictTo(builder, scope);
    if (filter.ids !== undefined) {
      builder.andWhere('event.id = ANY(CAST(:ids AS bigint[]))', {
        ids: filter.ids.filter((id) => /^\d{1,18}$/.test(id)),
      });
    }
    if (filter.entityType !== undefined) {
      builder.andWhere('event.entityType = :entityType', { entityType: filter.entityType });
    }
    if (filter.entityId !== undefined) {
      builder.andWhere('event.entityId = :entityId', { entityId: filter.entityId });
    }
    if (filter.actorId !== undefined) {
      if (!UUID.test(filter.actorId)) {
        throw new AuditException(
          AuditExceptionCode.INVALID_FILTER,
          `filter.actorId must be a user id (uuid), not ${JSON.stringify(filter.actorId)}`,
        );
      }
      builder.andWhere('event.actorId = :actorId', { actorId: filter.actorId });
    }
    return builder;
  }
}

/** Adds the caller's scope (see AuditScope) to the query, as one parenthesised OR. */
function restrictTo(
  builder: SelectQueryBuilder<AuditEvent>,
  scope: Extract<AuditScope, { kind: 'subjects' }>,
): void {
  const badPath = scope.subjectPaths.find((path) => !LTREE.test(path));
  if (badPath !== undefined) {
    throw new TypeError(`The audit scope must list ltree paths, not ${JSON.stringify(badPath)}`);
  }
  const ids = [...scope.actorOrganizationIds];
  const badId = [scope.actorId, ...ids].find((id) => id !== null && !UUID.test(id));
  if (badId !== undefined) {
    throw new TypeError(`The audit scope must list uuids, not ${JSON.stringify(badId)}`);
  }
  const parameters: Record<string, unknown> = {};
  const about = scope.subjectPaths.map((path, index) => {
    parameters[`subjectRoot${index}`] = path;
    // ltree[] <@ ltree: some subject of the event is at or under the root.
    return `event.subjectPaths <@ CAST(:subjectRoot${index} AS ltree)`;
  });
  // One array parameter, not IN (…): a province's subtree can be thousands of organizations.
  const legacy = 'event.subjectPaths IS NULL AND event.actorOrganizationId = ANY(CAST(:legacyIds AS uuid[]))';
  parameters.legacyIds = ids;
  const own = scope.actorId === null ? [] : ['event.actorId = :scopeActorId'];
  if (scope.actorId !== null) parameters.scopeActorId = scope.actorId;
  builder.andWhere(`(${[...about, ...own, `(${legacy})`].join(' OR ')})`, parameters);
}

function sortFieldOf(sortField: string | undefined): AuditSortField {
  if (sortField === undefined) return 'id';
  if (!(AUDIT_SORT_FIELDS as readonly string[]).includes(sortField)) {
    throw new AuditException(
      AuditExceptionCode.INVALID_SORT_FIELD,
      `Audit events cannot be sorted by "${sortField}": use one of ${AUDIT_SORT_FIELDS.join(', ')}`,
    );
  }
  return sortField as AuditSortField;
}

function sortOrderOf(sortOrder: string | undefined): 'ASC' | 'DESC' {
  if (sortOrder === undefined) return 'DESC';
  const upper = sortOrder.toUpperCase();
  if (upper !== 'ASC' && upper !== 'DESC') {
    throw new AuditException(
      AuditExceptionCode.INVALID_SORT_ORDER,
      `sortOrder must be ASC or DESC, not "${sortOrder}"`,
    );
  }
  return upper;
}
