import { Args, Context, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';

import { DashboardService } from '@dondoc/assignments';
import { type Caller, Permission } from '@dondoc/identity';

import { CurrentCaller } from '../auth/current-caller.decorator.js';
import type { RequestContext } from '../auth/request-context.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { Timeliness } from '../common/domain-enums.js';
import { LoadersFactory } from '../common/loaders.js';
import { toOrganizationObject } from '../organizations/organization.object.js';
import { DashboardFilterInput, DashboardObject } from './dashboard.object.js';

@Resolver(() => DashboardObject)
export class DashboardResolver {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly loaders: LoadersFactory,
  ) {}

  @Query(() => DashboardObject, {
    description: "Exact counts by timeliness and by organization for the caller's scope.",
  })
  @RequirePermission(Permission.DASHBOARD_READ)
  async dashboard(
    @CurrentCaller() caller: Caller,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args('filter', { nullable: true, type: () => DashboardFilterInput }) filter?: DashboardFilterInput,
  ): Promise<DashboardObject> {
    const result = await this.dashboards.dashboard(caller.scope, filter ?? {}, {
      byOrganization: asksFor(info, 'byOrganization'),
    });
    const loaders = this.loaders.of(context.req);
    return {
      total: result.total,
      asOf: result.asOf,
      byTimeliness: Object.values(Timeliness).map((timeliness) => ({
        timeliness,
        count: result.byTimeliness[timeliness],
      })),
      byOrganization: await Promise.all(
        result.byOrganization.map(async (row) => {
          const organization = await loaders.organization.load(row.organizationId);
          return {
            organization: organization ? toOrganizationObject(organization) : null,
            total: row.total,
            onTrack: row.counts.ON_TRACK,
            dueSoon: row.counts.DUE_SOON,
            overdue: row.counts.OVERDUE,
            completedOnTime: row.counts.COMPLETED_ON_TIME,
            completedLate: row.counts.COMPLETED_LATE,
            cancelled: row.counts.CANCELLED,
          };
        }),
      ),
    };
  }
}

/**
 * Whether the query selects `field` on the result (true when unsure, e.g. through a
 * fragment): the counts by organization cost a scan the totals alone do not need.
 */
function asksFor(info: GraphQLResolveInfo, field: string): boolean {
  return info.fieldNodes.some((node) =>
    (node.selectionSet?.selections ?? []).some(
      (selection) => selection.kind !== 'Field' || selection.name.value === field,
    ),
  );
}
