import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { AssignmentQuery, PublishingService } from '@dondoc/assignments';
import type { AuditActor } from '@dondoc/audit';
import { TasksService } from '@dondoc/directives';
import { type Caller, Permission } from '@dondoc/identity';

import { AssignmentObject, toAssignmentObject } from '../assignments/assignment.object.js';
import { Actor } from '../auth/audit-actor.decorator.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import type { RequestContext } from '../auth/request-context.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { actingOf } from '../common/acting.js';
import { ListMetadata } from '../common/list-metadata.object.js';
import { LoadersFactory } from '../common/loaders.js';
import { toOrganizationObject } from '../organizations/organization.object.js';
import {
  AssignTaskInput,
  CreateTaskArgs,
  SetTaskAssigneesArgs,
  TaskListArgs,
  UpdateTaskArgs,
} from './directive-inputs.js';
import { DocumentObject, toDocumentObject } from './document.object.js';
import { PlannedAssigneeObject, TaskObject, TaskSuggestionObject, toTaskObject } from './task.object.js';

@Resolver(() => TaskObject)
export class TasksResolver {
  constructor(
    private readonly tasks: TasksService,
    private readonly publishing: PublishingService,
    private readonly assignmentQuery: AssignmentQuery,
    private readonly loaders: LoadersFactory,
  ) {}

  @Query(() => [TaskObject])
  @RequirePermission(Permission.DOCUMENT_READ)
  async allTasks(@CurrentCaller() caller: Caller, @Args() list: TaskListArgs) {
    return (await this.tasks.list(caller, list.filter ?? {}, list)).map(toTaskObject);
  }

  @Query(() => ListMetadata, { name: '_allTasksMeta' })
  @RequirePermission(Permission.DOCUMENT_READ)
  async allTasksMeta(@CurrentCaller() caller: Caller, @Args() list: TaskListArgs): Promise<ListMetadata> {
    return { count: await this.tasks.count(caller, list.filter ?? {}) };
  }

  @Query(() => TaskObject, { name: 'Task', nullable: true })
  @RequirePermission(Permission.DOCUMENT_READ)
  async task(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string) {
    return toTaskObject(await this.tasks.get(caller, id));
  }

  @Mutation(() => TaskObject, { description: 'Adds a task to a draft document.' })
  @RequirePermission(Permission.DOCUMENT_IMPORT)
  async createTask(
    @CurrentCaller() caller: Caller,
    @Args() args: CreateTaskArgs,
    @Actor() actor: AuditActor,
  ) {
    return toTaskObject(await this.tasks.create(caller.scope, args, actor));
  }

  @Mutation(() => TaskObject, { description: 'Edits a task of a draft document.' })
  @RequirePermission(Permission.DOCUMENT_IMPORT)
  async updateTask(
    @CurrentCaller() caller: Caller,
    @Args() { id, ...changes }: UpdateTaskArgs,
    @Actor() actor: AuditActor,
  ) {
    return toTaskObject(await this.tasks.update(caller.scope, id, changes, actor));
  }

  @Mutation(() => TaskObject, { description: 'Removes a task (and its sub-tasks) from a draft document.' })
  @RequirePermission(Permission.DOCUMENT_IMPORT)
  async deleteTask(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Actor() actor: AuditActor,
  ) {
    return toTaskObject(await this.tasks.delete(caller.scope, id, actor));
  }

  @Mutation(() => TaskObject, {
    description:
      'Sets who a draft task goes to. A JOINT task takes one lead at most; a SHARED one gives each body its own part.',
  })
  @RequirePermission(Permission.DOCUMENT_IMPORT)
  async setTaskAssignees(
    @CurrentCaller() caller: Caller,
    @Args() args: SetTaskAssigneesArgs,
    @Actor() actor: AuditActor,
  ) {
    return toTaskObject(await this.tasks.setAssignees(caller.scope, args.taskId, args.assignees, actor));
  }

  @Mutation(() => [AssignmentObject], {
    description: 'Gives a published task to more bodies in one transaction.',
  })
  @RequirePermission(Permission.TASK_ASSIGN)
  async assignTask(
    @CurrentCaller() caller: Caller,
    @Args('input') input: AssignTaskInput,
    @Actor() actor: AuditActor,
  ) {
    const created = await this.publishing.assignTask(actingOf(caller, actor), input);
    const today = this.assignmentQuery.today();
    return created.map((assignment) => toAssignmentObject(assignment, today));
  }

  @ResolveField(() => TaskObject, { nullable: true })
  async parent(@Parent() task: TaskObject, @Context() context: RequestContext) {
    if (!task.parentId) return null;
    const parent = await this.loaders.of(context.req).task.load(task.parentId);
    return parent ? toTaskObject(parent) : null;
  }

  @ResolveField(() => [TaskObject])
  async children(@Parent() task: TaskObject, @Context() context: RequestContext) {
    return (await this.loaders.of(context.req).childTasks.load(task.id)).map(toTaskObject);
  }

  @ResolveField(() => DocumentObject, { nullable: true })
  async document(@Parent() task: TaskObject, @Context() context: RequestContext) {
    const document = await this.loaders.of(context.req).document.load(task.documentId);
    return document ? toDocumentObject(document) : null;
  }

  @ResolveField(() => [TaskSuggestionObject], {
    description: 'Bodies the reader proposed when the document was imported.',
  })
  async suggestedAssignees(@Parent() task: TaskObject, @Context() context: RequestContext) {
    const loaders = this.loaders.of(context.req);
    const suggestions = await loaders.suggestions.load(task.id);
    return Promise.all(
      suggestions.map(async (suggestion) => {
        const organization = await loaders.organization.load(suggestion.organizationId);
        return {
          organization: organization ? toOrganizationObject(organization) : null,
          role: suggestion.role,
          reason: suggestion.reason,
        };
      }),
    );
  }

  @ResolveField(() => [PlannedAssigneeObject], {
    description: 'Who the task will go to on publishing (drafts).',
  })
  async plannedAssignees(@Parent() task: TaskObject, @Context() context: RequestContext) {
    const loaders = this.loaders.of(context.req);
    const planned = await loaders.plannedAssignees.load(task.id);
    return Promise.all(
      planned.map(async (plan) => {
        const organization = await loaders.organization.load(plan.organizationId);
        return {
          organization: organization ? toOrganizationObject(organization) : null,
          role: plan.role,
          dueDate: plan.dueDate,
          cadence: plan.cadence,
        };
      }),
    );
  }

  @ResolveField(() => [AssignmentObject], { description: 'Its assignments the caller may see.' })
  async assignments(@Parent() task: TaskObject, @Context() context: RequestContext) {
    const today = this.assignmentQuery.today();
    return (await this.loaders.of(context.req).taskAssignments.load(task.id)).map((a) =>
      toAssignmentObject(a, today),
    );
  }
}
