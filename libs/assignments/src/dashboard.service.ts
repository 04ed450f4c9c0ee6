import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { AccessScope } from '@dondoc/organizations';
import { Clock } from '@dondoc/platform';

import { talliedProvinces, talliedTimeliness } from './dashboard-tallies.js';

import { AssignmentQuery } from './assignment-query.js';
import { DEFAULT_WARNING_DAYS, Timeliness } from './timeliness.js';
import { timelinessColumnsOf, timelinessSql, type TimelinessSqlParams } from './timeliness.sql.js';

export interface DashboardFilter {
  documentId?: string | null;
  /** This body and everything under it, and the bodies it took over from (lineage-sql.ts). */
  organizationId?: string | null;
  /** Count on-time against the current due dates (default) or the baselines. */
  against?: TimelinessSqlParams['against'];
}

export interface OrganizationCounts {
  organizationId: string;
  total: number;
  counts: Record<Timeliness, number>;
}

export interface DashboardOptions {
  /** Whether the counts by organization are wanted (the GraphQL field asked for); default yes. */
  byOrganization?: boolean;
}

export interface Dashboard {
  total: number;
  byTimeliness: Record<Timeliness, number>;
  byOrganization: OrganizationCounts[];
  asOf: Date;
}

/** Exact counts by timeliness and by organization, for the caller's scope, in one query. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly query: AssignmentQuery,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  async dashboard(
    scope: AccessScope,
    filter: DashboardFilter,
    options: DashboardOptions = {},
  ): Promise<Dashboard> {
    const asOf = this.clock.now();
    // Whole provinces (or the nation), current due dates, no narrowing filter, totals only:
    // the read model answers exactly, from a few thousand rows (dashboard-tallies.ts).
    const provinces = talliedProvinces(scope);
    if (
      options.byOrganization === false &&
      provinces !== null &&
      !filter.documentId &&
      !filter.organizationId &&
      (filter.against ?? 'current') === 'current'
    ) {
      const counts = await talliedTimeliness(
        this.dataSource,
        provinces,
        this.query.today(),
        DEFAULT_WARNING_DAYS,
      );
      const byTimeliness = emptyCounts();
      for (const [timeliness, count] of Object.entries(counts))
        byTimeliness[timeliness as Timeliness] = count;
      const total = Object.values(byTimeliness).reduce((sum, count) => sum + count, 0);
      return { total, byTimeliness, byOrganization: [], asOf };
    }
    const builder = this.query.filtered(scope, {
      documentId: filter.documentId ?? null,
      organizationId: filter.organizationId ?? null,
      includeDescendants: true,
    });
    const timeliness = timelinessSql(timelinessColumnsOf('a'), {
      today: ':today',
      warningDays: ':warningDays',
      against: filter.against ?? 'current',
    });
    const rows = (await builder
      .select('a.organization_id', 'organizationId')
      .addSelect(`(${timeliness})`, 'timeliness')
      .addSelect('count(*)::int', 'count')
      .setParameters({ today: this.query.today(), warningDays: DEFAULT_WARNING_DAYS })
      .groupBy('a.organization_id')
      .addGroupBy('2')
      .getRawMany()) as { organizationId: string; timeliness: Timeliness; count: number }[];

    const { byTimeliness, byOrganization } = tallyTimeliness(rows);
    const total = Object.values(byTimeliness).reduce((sum, count) => sum + count, 0);
    return {
      total,
      byTimeliness,
      byOrganization: [...byOrganization.values()].sort(
        (a, b) => b.counts.OVERDUE - a.counts.OVERDUE || b.total - a.total,
      ),
      asOf,
    };
  }
}

/** Counts rows of (organization, timeliness, count) into totals by timeliness and by organization. */
export function tallyTimeliness(
  rows: readonly { organizationId: string; timeliness: Timeliness; count: number }[],
): {
  byTimeliness: Record<Timeliness, number>;
  byOrganization: Map<string, OrganizationCounts>;
} {
  const byTimeliness = emptyCounts();
  const byOrganization = new Map<string, OrganizationCounts>();
  for (const row of rows) {
    byTimeliness[row.timeliness] += row.count;
    const entry = byOrganization.get(row.organizationId) ?? {
      organizationId: row.organizationId,
      total: 0,
      counts: emptyCounts(),
    };
    entry.counts[row.timeliness] += row.count;
    entry.total += row.count;
    byOrganization.set(row.organizationId, entry);
  }
  return { byTimeliness, byOrganization };
}

export function emptyCounts(): Record<Timeliness, number> {
  return Object.fromEntries(Object.values(Timeliness).map((timeliness) => [timeliness, 0])) as Record<
    Timeliness,
    number
  >;
}
