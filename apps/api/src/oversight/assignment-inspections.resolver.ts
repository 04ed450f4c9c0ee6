import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { AssignmentObject } from '../assignments/assignment.object.js';
import type { RequestContext } from '../auth/request-context.js';
import { InspectionLoadersFactory } from './inspection-loaders.js';
import { InspectionObject, toInspectionObject } from './inspection.object.js';

/** The inspections side of an assignment. */
@Resolver(() => AssignmentObject)
export class AssignmentInspectionsResolver {
  constructor(private readonly loaders: InspectionLoadersFactory) {}

  @ResolveField(() => [InspectionObject], { description: 'Inspection findings on it, newest first.' })
  async inspections(@Parent() assignment: AssignmentObject, @Context() context: RequestContext) {
    return (await this.loaders.of(context.req).byAssignment.load(assignment.id)).map(toInspectionObject);
  }

  @ResolveField(() => Int, { description: 'How many of its inspection findings are still OPEN.' })
  openInspectionCount(@Parent() assignment: AssignmentObject, @Context() context: RequestContext) {
    return this.loaders.of(context.req).openCount.load(assignment.id);
  }
}
