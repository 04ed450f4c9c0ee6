import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { AssignmentQuery } from '@dondoc/assignments';
import type { AuditActor } from '@dondoc/audit';
import { type Caller, Permission } from '@dondoc/identity';
import { InspectionsService } from '@dondoc/oversight';

import { AssignmentObject, toAssignmentObject } from '../assignments/assignment.object.js';
import { Actor } from '../auth/audit-actor.decorator.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import type { RequestContext } from '../auth/request-context.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { actingOf } from '../common/acting.js';
import { ListMetadata } from '../common/list-metadata.object.js';
import { LoadersFactory } from '../common/loaders.js';
import { toUserObject, UserObject } from '../identity/user.object.js';
import { InspectionListArgs, RecordInspectionInput, ResolveInspectionArgs } from './inspection-inputs.js';
import { InspectionLoadersFactory } from './inspection-loaders.js';
import { InspectionObject, toInspectionObject } from './inspection.object.js';

@Resolver(() => InspectionObject)
export class InspectionsResolver {
  constructor(
    private readonly inspections: InspectionsService,
    private readonly query: AssignmentQuery,
    private readonly loaders: LoadersFactory,
    private readonly inspectionLoaders: InspectionLoadersFactory,
  ) {}

  @Query(() => [InspectionObject])
  @RequirePermission(Permission.INSPECTION_READ)
  async allInspections(@CurrentCaller() caller: Caller, @Args() list: InspectionListArgs) {
    return (await this.inspections.list(caller.scope, list.filter ?? {}, list)).map(toInspectionObject);
  }

  @Query(() => ListMetadata, { name: '_allInspectionsMeta' })
  @RequirePermission(Permission.INSPECTION_READ)
  async allInspectionsMeta(
    @CurrentCaller() caller: Caller,
    @Args() list: InspectionListArgs,
  ): Promise<ListMetadata> {
    return { count: await this.inspections.count(caller.scope, list.filter ?? {}) };
  }

  @Query(() => InspectionObject, { name: 'Inspection', nullable: true })
  @RequirePermission(Permission.INSPECTION_READ)
  async inspection(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string) {
    return toInspectionObject(await this.inspections.get(caller.scope, id));
  }

  @Mutation(() => InspectionObject, {
    description:
      'An inspector records a finding on an assignment in their jurisdiction: conclusion, severity, remedy, follow-up date.',
  })
  @RequirePermission(Permission.INSPECTION_RECORD)
  async recordInspection(
    @CurrentCaller() caller: Caller,
    @Args('input') input: RecordInspectionInput,
    @Actor() actor: AuditActor,
  ) {
    const saved = await this.inspections.record({ ...actingOf(caller, actor), roles: caller.roles }, input);
    return toInspectionObject(saved);
  }

  @Mutation(() => InspectionObject, {
    description: 'Closes an OPEN finding once its remedy is done, with a note.',
  })
  @RequirePermission(Permission.INSPECTION_RECORD)
  async resolveInspection(
    @CurrentCaller() caller: Caller,
    @Args() { id, note }: ResolveInspectionArgs,
    @Actor() actor: AuditActor,
  ) {
    const saved = await this.inspections.resolve(
      { ...actingOf(caller, actor), roles: caller.roles },
      id,
      note,
    );
    return toInspectionObject(saved);
  }

  @ResolveField(() => AssignmentObject)
  async assignment(@Parent() inspection: InspectionObject, @Context() context: RequestContext) {
    const assignment = await this.loaders.of(context.req).assignment.load(inspection.assignmentId);
    if (!assignment)
      throw new Error(`Assignment ${inspection.assignmentId} of a visible inspection is out of sight`);
    return toAssignmentObject(assignment, this.query.today());
  }

  @ResolveField(() => UserObject, {
    nullable: true,
    description: 'Who recorded it (null when out of sight).',
  })
  async inspector(@Parent() inspection: InspectionObject, @Context() context: RequestContext) {
    const user = await this.inspectionLoaders.of(context.req).user.load(inspection.inspectorId);
    return user ? toUserObject(user) : null;
  }

  @ResolveField(() => UserObject, {
    nullable: true,
    description: 'Who resolved it (null when out of sight).',
  })
  async resolvedBy(@Parent() inspection: InspectionObject, @Context() context: RequestContext) {
    if (!inspection.resolvedById) return null;
    const user = await this.inspectionLoaders.of(context.req).user.load(inspection.resolvedById);
    return user ? toUserObject(user) : null;
  }
}
