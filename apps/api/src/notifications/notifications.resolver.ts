import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { AssignmentQuery } from '@dondoc/assignments';
import { type Caller, Permission } from '@dondoc/identity';
import { NotificationsService } from '@dondoc/notifications';

import { CurrentCaller } from '../auth/current-caller.decorator.js';
import type { RequestContext } from '../auth/request-context.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { AssignmentObject, toAssignmentObject } from '../assignments/assignment.object.js';
import { ListMetadata } from '../common/list-metadata.object.js';
import { LoadersFactory } from '../common/loaders.js';
import { MarkNotificationsReadArgs, NotificationListArgs } from './notification-filter.input.js';
import { NotificationObject, toNotificationObject } from './notification.object.js';

/** The caller's inbox. Every operation is about the caller's own notifications, admins included. */
@Resolver(() => NotificationObject)
export class NotificationsResolver {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly query: AssignmentQuery,
    private readonly loaders: LoadersFactory,
  ) {}

  @Query(() => [NotificationObject], { description: "The caller's own notifications, newest first." })
  @RequirePermission(Permission.SIGNED_IN)
  async allNotifications(@CurrentCaller() caller: Caller, @Args() list: NotificationListArgs) {
    const { filter, ...params } = list;
    return (await this.notifications.list(caller.userId, filter ?? {}, params)).map(toNotificationObject);
  }

  @Query(() => ListMetadata, { name: '_allNotificationsMeta' })
  @RequirePermission(Permission.SIGNED_IN)
  async allNotificationsMeta(
    @CurrentCaller() caller: Caller,
    @Args() list: NotificationListArgs,
  ): Promise<ListMetadata> {
    return { count: await this.notifications.count(caller.userId, list.filter ?? {}) };
  }

  @Query(() => NotificationObject, { name: 'Notification', nullable: true })
  @RequirePermission(Permission.SIGNED_IN)
  async notification(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string) {
    return toNotificationObject(await this.notifications.get(caller.userId, id));
  }

  @Query(() => Int, {
    description: "How many of the caller's notifications are unread (the console's bell).",
  })
  @RequirePermission(Permission.SIGNED_IN)
  unreadNotificationsCount(@CurrentCaller() caller: Caller): Promise<number> {
    return this.notifications.count(caller.userId, { unread: true });
  }

  @Mutation(() => Int, {
    description: "Marks the caller's own unread notifications among ids read; returns how many changed.",
  })
  @RequirePermission(Permission.SIGNED_IN)
  markNotificationsRead(
    @CurrentCaller() caller: Caller,
    @Args() { ids }: MarkNotificationsReadArgs,
  ): Promise<number> {
    return this.notifications.markRead(caller.userId, ids);
  }

  @ResolveField(() => AssignmentObject, {
    nullable: true,
    description: 'The assignment it is about; null when it is about something else, or out of sight.',
  })
  async assignment(@Parent() notification: NotificationObject, @Context() context: RequestContext) {
    if (notification.assignmentId === null) return null;
    const assignment = await this.loaders.of(context.req).assignment.load(notification.assignmentId);
    return assignment ? toAssignmentObject(assignment, this.query.today()) : null;
  }
}
