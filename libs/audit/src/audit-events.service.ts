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
 * Which events the caller may see, decided by the caller's policy and applied here in SQL:
 * events whose actor belonged to one of these organizations, or all of them. Events of
 * the system (no actor organization) are only in `'all'`.
 */
export interface AuditScope {
  organizationIds: readonly string[] | 'all';
}

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
   * person's actions; the scope is a filter on top.
   */
  private scoped({ filter = {}, scope }: AuditEventsCountQuery): SelectQueryBuilder<AuditEvent> {
    const builder = this.events.createQueryBuilder('event');
    if (scope.organizationIds !== 'all') {
      const ids = [...scope.organizationIds];
      const bad = ids.find((id) => !UUID.test(id));
      if (bad !== undefined) {
        throw new TypeError(`The audit scope must list organization uuids, not ${JSON.stringify(bad)}`);
      }
      // One array parameter, not IN (…): a province's subtree can be thousands of organizations.
      builder.andWhere('event.actorOrganizationId = ANY(CAST(:organizationIds AS uuid[]))', {
        organizationIds: ids,
      });
    }
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
