import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

import { badInput } from '../errors/domain.exception.js';

/** Paging and sorting as react-admin sends them (`page` counts from 0). */
export interface ListParams {
  page?: number | null;
  perPage?: number | null;
  sortField?: string | null;
  sortOrder?: string | null;
}

export interface ResolvedListParams {
  offset: number;
  limit: number;
  /** The SQL expression to sort by, from the whitelist. */
  orderBy: string;
  direction: 'ASC' | 'DESC';
}

export const MAX_PER_PAGE = 1_000;
/** Rows a page when the caller names no `perPage`. */
export const DEFAULT_PER_PAGE = 25;

/**
 * Checks paging and the sort field against a whitelist (field name → SQL expression);
 * anything else is a clear error naming the allowed fields.
 */
export function resolveListParams(
  params: ListParams,
  sortable: Record<string, string>,
  defaults: { sortField: string; sortOrder: 'ASC' | 'DESC' },
): ResolvedListParams {
  const perPage = params.perPage ?? DEFAULT_PER_PAGE;
  const page = params.page ?? 0;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    throw badInput('perPage', {
      en: `perPage must be between 1 and ${MAX_PER_PAGE}`,
      vi: `perPage phải từ 1 đến ${MAX_PER_PAGE}`,
    });
  }
  if (!Number.isInteger(page) || page < 0) {
    throw badInput('page', { en: 'page must be 0 or more', vi: 'page phải từ 0 trở lên' });
  }
  const sortField = params.sortField ?? defaults.sortField;
  const orderBy = sortable[sortField];
  if (orderBy === undefined) {
    const allowed = Object.keys(sortable).join(', ');
    throw badInput('sortField', {
      en: `Cannot sort by "${sortField}": sortable fields are ${allowed}`,
      vi: `Không thể sắp xếp theo "${sortField}": các trường được sắp xếp là ${allowed}`,
    });
  }
  const order = (params.sortOrder ?? defaults.sortOrder).toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') {
    throw badInput('sortOrder', {
      en: 'sortOrder must be ASC or DESC',
      vi: 'sortOrder phải là ASC hoặc DESC',
    });
  }
  return { offset: page * perPage, limit: perPage, orderBy, direction: order };
}

/**
 * One page of a filtered query in the resolved order, ties broken by `tieBreaker` (the id)
 * so pages neither repeat nor skip rows; rows without the sort value come last.
 */
export function page<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  list: ResolvedListParams,
  tieBreaker: string,
): Promise<T[]> {
  return pageQuery(query, list, tieBreaker).getMany();
}

/** The query of `page`, not yet run (for a caller that also reads computed columns). */
export function pageQuery<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  list: ResolvedListParams,
  tieBreaker: string,
): SelectQueryBuilder<T> {
  return query
    .orderBy(list.orderBy, list.direction, list.direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST')
    .addOrderBy(tieBreaker, 'ASC')
    .offset(list.offset)
    .limit(list.limit);
}
