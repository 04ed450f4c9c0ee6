import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';

import {
  AssignmentQuery,
  AssignmentsService,
  type PageRelations,
  readAssignmentPage,
} from '@dondoc/assignments';
import type { AuditActor } from '@dondoc/audit';
import { type Caller, Permission } from '@dondoc/identity';

import { Actor } from '../auth/audit-actor.decorator.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import type { RequestContext } from '../auth/request-context.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { actingOf } from '../common/acting.js';
import { ListMetadata } from '../common/list-metadata.object.js';
import { LoadersFactory } from '../common/loaders.js';
import { selectedFields, subfieldNames } from '../common/selected-fields.js';
import { DocumentObject, toDocumentObject } from '../directives/document.object.js';
import { TaskObject, toTaskObject } from '../directives/task.object.js';
import { OrganizationObject, toOrganizationObject } from '../organizations/organization.object.js';
import {
  AssignmentListArgs,
  CancelAssignmentArgs,
  DecideCompletionArgs,
  DelegateAssignmentArgs,
  RequestCompletionArgs,
} from './assignment-inputs.js';
import { AssignmentObject, toAssignmentObject } from './assignment.object.js';
import { ExtensionRequestObject, toExtensionRequestObject } from './extension-request.object.js';
import { ProgressReportObject, toProgressReportObject } from './progress-report.object.js';

@Resolver(() => AssignmentObject)
export class AssignmentsResolver {
  constructor(
    private readonly query: AssignmentQuery,
    private readonly service: AssignmentsService,
    private readonly loaders: LoadersFactory,
  ) {}

  @Query(() => [AssignmentObject], {
    description: 'Assignments the caller may see, filtered and sorted, a page at a time.',
  })
  @RequirePermission(Permission.ASSIGNMENT_READ)
  async allAssignments(
    @CurrentCaller() caller: Caller,
    @Args() list: AssignmentListArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AssignmentObject[]> {
    const today = this.query.today();
    // The page and the task, document and organizations it shows: one statement.
    const rows = await readAssignmentPage(this.query, caller, list.filter ?? {}, list, pageRelationsOf(info));
    return rows.map(({ assignment, ...joined }) => ({ ...toAssignmentObject(assignment, today), joined }));
  }

  @Query(() => ListMetadata, { name: '_allAssignmentsMeta' })
  @RequirePermission(Permission.ASSIGNMENT_READ)
  async allAssignmentsMeta(
    @CurrentCaller() caller: Caller,
    @Args() list: AssignmentListArgs,
  ): Promise<ListMetadata> {
    return { count: await this.query.count(caller, list.filter ?? {}) };
  }

  @Query(() => AssignmentObject, { name: 'Assignment', nullable: true })
  @RequirePermission(Permission.ASSIGNMENT_READ)
  async assignment(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string) {
    return toAssignmentObject(await this.query.get(caller, id), this.query.today());
  }

  @Mutation(() => [AssignmentObject], {
    description: 'Gives parts of an assignment to bodies under the assignee.',
  })
  @RequirePermission(Permission.ASSIGNMENT_DELEGATE)
  async delegateAssignment(
    @CurrentCaller() caller: Caller,
    @Args() args: DelegateAssignmentArgs,
    @Actor() actor: AuditActor,
  ) {
    const created = await this.service.delegate(
      actingOf(caller, actor),
      args.assignmentId,
      args.organizationIds,
      args.dueDate,
    );
    const today = this.query.today();
    return created.map((a) => toAssignmentObject(a, today));
  }

  @Mutation(() => AssignmentObject, {
    description: 'The assignee declares the work done; the assigner then confirms or refuses.',
  })
  @RequirePermission(Permission.COMPLETION_REQUEST)
  async requestCompletion(
    @CurrentCaller() caller: Caller,
    @Args() { assignmentId, summary, expectedVersion }: RequestCompletionArgs,
    @Actor() actor: AuditActor,
  ) {
    const saved = await this.service.requestCompletion(
      actingOf(caller, actor),
      assignmentId,
      summary,
      expectedVersion,
    );
    return toAssignmentObject(saved, this.query.today());
  }

  @Mutation(() => AssignmentObject, {
    description: 'The assigner confirms completion, or refuses it with a comment (back to IN_PROGRESS).',
  })
  @RequirePermission(Permission.COMPLETION_DECIDE)
  async decideCompletion(
    @CurrentCaller() caller: Caller,
    @Args() { assignmentId, accept, comment, expectedVersion }: DecideCompletionArgs,
    @Actor() actor: AuditActor,
  ) {
    const saved = await this.service.decideCompletion(
      actingOf(caller, actor),
      assignmentId,
      accept,
      comment,
      expectedVersion,
    );
    return toAssignmentObject(saved, this.query.today());
  }

  @Mutation(() => AssignmentObject, { description: 'The assigner cancels the assignment, with a reason.' })
  @RequirePermission(Permission.ASSIGNMENT_CANCEL)
  async cancelAssignment(
    @CurrentCaller() caller: Caller,
    @Args() { assignmentId, reason, expectedVersion }: CancelAssignmentArgs,
    @Actor() actor: AuditActor,
  ) {
    const saved = await this.service.cancel(actingOf(caller, actor), assignmentId, reason, expectedVersion);
    return toAssignmentObject(saved, this.query.today());
  }

  @ResolveField(() => TaskObject, { nullable: true })
  async task(@Parent() assignment: AssignmentObject, @Context() context: RequestContext) {
    const joined = assignment.joined?.task;
    if (joined !== undefined) return joined ? toTaskObject(joined) : null;
    const task = await this.loaders.of(context.req).task.load(assignment.taskId);
    return task ? toTaskObject(task) : null;
  }

  @ResolveField(() => DocumentObject, { nullable: true })
  async document(@Parent() assignment: AssignmentObject, @Context() context: RequestContext) {
    const joined = assignment.joined?.document;
    if (joined !== undefined) return joined ? toDocumentObject(joined) : null;
    const document = await this.loaders.of(context.req).document.load(assignment.documentId);
    return document ? toDocumentObject(document) : null;
  }

  @ResolveField(() => OrganizationObject, { nullable: true, description: 'The assignee.' })
  async organization(@Parent() assignment: AssignmentObject, @Context() context: RequestContext) {
    const joined = assignment.joined?.organization;
    if (joined !== undefined) return joined ? toOrganizationObject(joined) : null;
    const organization = await this.loaders.of(context.req).organization.load(assignment.organizationId);
    return organization ? toOrganizationObject(organization) : null;
  }

  @ResolveField(() => OrganizationObject, {
    nullable: true,
    description: 'The body that gave the work (null when out of sight).',
  })
  async assignedBy(@Parent() assignment: AssignmentObject, @Context() context: RequestContext) {
    const joined = assignment.joined?.assignedBy;
    if (joined !== undefined) return joined ? toOrganizationObject(joined) : null;
    const organization = await this.loaders
      .of(context.req)
      .organization.load(assignment.assignedByOrganizationId);
    return organization ? toOrganizationObject(organization) : null;
  }

  @ResolveField(() => AssignmentObject, {
    nullable: true,
    description: 'The assignment this part was delegated from.',
  })
  async parent(@Parent() assignment: AssignmentObject, @Context() context: RequestContext) {
    if (!assignment.parentAssignmentId) return null;
    const parent = await this.loaders.of(context.req).assignment.load(assignment.parentAssignmentId);
    return parent ? toAssignmentObject(parent, this.query.today()) : null;
  }

  @ResolveField(() => [AssignmentObject], { description: 'Parts delegated to bodies below.' })
  async children(@Parent() assignment: AssignmentObject, @Context() context: RequestContext) {
    const today = this.query.today();
    return (await this.loaders.of(context.req).childAssignments.load(assignment.id)).map((a) =>
      toAssignmentObject(a, today),
    );
  }

  @ResolveField(() => [ProgressReportObject])
  async progressReports(@Parent() assignment: AssignmentObject, @Context() context: RequestContext) {
    return (await this.loaders.of(context.req).reports.load(assignment.id)).map(toProgressReportObject);
  }

  @ResolveField(() => [ExtensionRequestObject])
  async extensionRequests(@Parent() assignment: AssignmentObject, @Context() context: RequestContext) {
    return (await this.loaders.of(context.req).extensions.load(assignment.id)).map(toExtensionRequestObject);
  }
}

/** Document fields made from its text and outline: read with the page only when asked for. */
const DOCUMENT_CONTENT = ['text', 'sections', 'tasksSection', 'footnotes', 'references'];

/** Which relations an `allAssignments` request shows, so the page reads them in its statement. */
function pageRelationsOf(info: GraphQLResolveInfo): PageRelations {
  const fields = selectedFields(info);
  const document = fields.get('document');
  return {
    task: fields.has('task'),
    document: document !== undefined,
    documentContent:
      document !== undefined && DOCUMENT_CONTENT.some((name) => subfieldNames(info, document).has(name)),
    organization: fields.has('organization'),
    assignedBy: fields.has('assignedBy'),
  };
}
