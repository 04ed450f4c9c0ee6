import { Args, Context, Query, Resolver } from '@nestjs/graphql';

import { AssignmentQuery } from '@dondoc/assignments';
import { type Caller, Permission } from '@dondoc/identity';
import { InspectionBoardService } from '@dondoc/oversight';

import { toAssignmentObject } from '../assignments/assignment.object.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import type { RequestContext } from '../auth/request-context.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { LoadersFactory } from '../common/loaders.js';
import { toOrganizationObject } from '../organizations/organization.object.js';
import { InspectionBoardObject } from './inspection-board.object.js';
import { InspectionBoardFilterInput } from './inspection-inputs.js';

@Resolver(() => InspectionBoardObject)
export class InspectionBoardResolver {
  constructor(
    private readonly boards: InspectionBoardService,
    private readonly query: AssignmentQuery,
    private readonly loaders: LoadersFactory,
  ) {}

  @Query(() => InspectionBoardObject, {
    description:
      "The inspectors' board: overdue and at-risk assignments in the caller's scope, by organization.",
  })
  @RequirePermission(Permission.INSPECTION_READ)
  async inspectionBoard(
    @CurrentCaller() caller: Caller,
    @Context() context: RequestContext,
    @Args('filter', { nullable: true, type: () => InspectionBoardFilterInput })
    filter?: InspectionBoardFilterInput,
  ): Promise<InspectionBoardObject> {
    const board = await this.boards.board(caller.scope, filter ?? {});
    const today = this.query.today();
    const loaders = this.loaders.of(context.req);
    const groups = await Promise.all(
      board.groups.map(async (group) => {
        const organization = await loaders.organization.load(group.organizationId);
        return organization
          ? {
              organization: toOrganizationObject(organization),
              overdue: group.overdue,
              atRisk: group.atRisk,
              items: group.items.map((item) => ({
                assignment: toAssignmentObject(item.assignment, today),
                daysOverdue: item.daysOverdue,
                escalationLevel: item.escalationLevel,
                inspectionStatus: item.inspectionStatus,
              })),
            }
          : null;
      }),
    );
    // An assignee body is in the caller's scope whenever its assignments are; none is dropped in practice.
    return { asOf: board.asOf, groups: groups.filter((group) => group !== null) };
  }
}
