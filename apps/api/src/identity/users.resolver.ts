import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import type { AuditActor } from '@dondoc/audit';
import { type Caller, Permission, UsersService } from '@dondoc/identity';

import { Actor } from '../auth/audit-actor.decorator.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import type { RequestContext } from '../auth/request-context.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { ListMetadata } from '../common/list-metadata.object.js';
import { LoadersFactory } from '../common/loaders.js';
import { OrganizationObject, toOrganizationObject } from '../organizations/organization.object.js';
import { UserListArgs } from './user-filter.input.js';
import { CreateUserArgs, UpdateUserArgs } from './user-mutation.args.js';
import { toUserObject, UserObject } from './user.object.js';

@Resolver(() => UserObject)
export class UsersResolver {
  constructor(
    private readonly users: UsersService,
    private readonly loaders: LoadersFactory,
  ) {}

  @Query(() => [UserObject], { description: 'Users of the bodies the caller may see.' })
  @RequirePermission(Permission.USER_READ)
  async allUsers(@CurrentCaller() caller: Caller, @Args() list: UserListArgs): Promise<UserObject[]> {
    return (await this.users.list(caller.scope, list.filter ?? {}, list)).map(toUserObject);
  }

  @Query(() => ListMetadata, { name: '_allUsersMeta' })
  @RequirePermission(Permission.USER_READ)
  async allUsersMeta(@CurrentCaller() caller: Caller, @Args() list: UserListArgs): Promise<ListMetadata> {
    return { count: await this.users.count(caller.scope, list.filter ?? {}) };
  }

  @Query(() => UserObject, { name: 'User', nullable: true })
  @RequirePermission(Permission.USER_READ)
  async user(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string) {
    return toUserObject(await this.users.get(caller.scope, id));
  }

  @Mutation(() => UserObject, { description: 'Creates a login (administrators).' })
  @RequirePermission(Permission.USER_MANAGE)
  async createUser(
    @CurrentCaller() caller: Caller,
    @Args() args: CreateUserArgs,
    @Actor() actor: AuditActor,
  ) {
    return toUserObject(await this.users.create(caller.scope, args, actor));
  }

  @Mutation(() => UserObject, {
    description: 'Changes a login: name, body, roles, language, active, password.',
  })
  @RequirePermission(Permission.USER_MANAGE)
  async updateUser(
    @CurrentCaller() caller: Caller,
    @Args() { id, ...changes }: UpdateUserArgs,
    @Actor() actor: AuditActor,
  ) {
    return toUserObject(await this.users.update(caller.scope, id, changes, actor));
  }

  @ResolveField(() => OrganizationObject, { nullable: true })
  async organization(@Parent() user: UserObject, @Context() context: RequestContext) {
    const organization = await this.loaders.of(context.req).organization.load(user.organizationId);
    return organization ? toOrganizationObject(organization) : null;
  }
}
