import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { AssignmentQuery, ExtensionRequestsService } from '@dondoc/assignments';
import type { AuditActor } from '@dondoc/audit';
import { type Caller, Permission } from '@dondoc/identity';

import { Actor } from '../auth/audit-actor.decorator.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import type { RequestContext } from '../auth/request-context.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { actingOf } from '../common/acting.js';
import { ListMetadata } from '../common/list-metadata.object.js';
import { LoadersFactory } from '../common/loaders.js';
import { DecideExtensionArgs, ExtensionRequestListArgs, RequestExtensionArgs } from './assignment-inputs.js';
import { AssignmentObject, toAssignmentObject } from './assignment.object.js';
import { ExtensionRequestObject, toExtensionRequestObject } from './extension-request.object.js';

@Resolver(() => ExtensionRequestObject)
export class ExtensionRequestsResolver {
  constructor(
    private readonly extensions: ExtensionRequestsService,
    private readonly query: AssignmentQuery,
    private readonly loaders: LoadersFactory,
  ) {}

  @Query(() => [ExtensionRequestObject])
  @RequirePermission(Permission.ASSIGNMENT_READ)
  async allExtensionRequests(@CurrentCaller() caller: Caller, @Args() list: ExtensionRequestListArgs) {
    return (await this.extensions.list(caller, list.filter ?? {}, list)).map(toExtensionRequestObject);
  }

  @Query(() => ListMetadata, { name: '_allExtensionRequestsMeta' })
  @RequirePermission(Permission.ASSIGNMENT_READ)
  async allExtensionRequestsMeta(
    @CurrentCaller() caller: Caller,
    @Args() list: ExtensionRequestListArgs,
  ): Promise<ListMetadata> {
    return { count: await this.extensions.count(caller, list.filter ?? {}) };
  }

  @Query(() => ExtensionRequestObject, { name: 'ExtensionRequest', nullable: true })
  @RequirePermission(Permission.ASSIGNMENT_READ)
  async extensionRequest(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string) {
    return toExtensionRequestObject(await this.extensions.get(caller, id));
  }

  @Mutation(() => ExtensionRequestObject, {
    description: 'The assignee asks for a later due date, with a reason.',
  })
  @RequirePermission(Permission.EXTENSION_REQUEST)
  async requestExtension(
    @CurrentCaller() caller: Caller,
    @Args() { assignmentId, proposedDueDate, reason, expectedVersion }: RequestExtensionArgs,
    @Actor() actor: AuditActor,
  ) {
    const saved = await this.extensions.request(
      actingOf(caller, actor),
      assignmentId,
      proposedDueDate,
      reason,
      expectedVersion,
    );
    return toExtensionRequestObject(saved);
  }

  @Mutation(() => ExtensionRequestObject, {
    description: 'The assigner approves (the due date moves; the baseline stays) or rejects.',
  })
  @RequirePermission(Permission.EXTENSION_DECIDE)
  async decideExtension(
    @CurrentCaller() caller: Caller,
    @Args() { id, approve, comment }: DecideExtensionArgs,
    @Actor() actor: AuditActor,
  ) {
    return toExtensionRequestObject(
      await this.extensions.decide(actingOf(caller, actor), id, approve, comment),
    );
  }

  @ResolveField(() => AssignmentObject, { nullable: true })
  async assignment(@Parent() request: ExtensionRequestObject, @Context() context: RequestContext) {
    const assignment = await this.loaders.of(context.req).assignment.load(request.assignmentId);
    return assignment ? toAssignmentObject(assignment, this.query.today()) : null;
  }
}
