import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import type { AuditActor } from '@dondoc/audit';
import { type Caller, Permission } from '@dondoc/identity';
import { OrganizationsService } from '@dondoc/organizations';

import { Actor } from '../auth/audit-actor.decorator.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import type { RequestContext } from '../auth/request-context.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { ListMetadata } from '../common/list-metadata.object.js';
import { LoadersFactory } from '../common/loaders.js';
import { OrganizationListArgs } from './organization-filter.input.js';
import { CreateOrganizationArgs, UpdateOrganizationArgs } from './organization-mutation.args.js';
import { OrganizationObject, toOrganizationObject } from './organization.object.js';

@Resolver(() => OrganizationObject)
export class OrganizationsResolver {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly loaders: LoadersFactory,
  ) {}

  @Query(() => [OrganizationObject], { description: 'Organizations the caller may see, a page at a time.' })
  @RequirePermission(Permission.ORGANIZATION_READ)
  async allOrganizations(
    @CurrentCaller() caller: Caller,
    @Args() list: OrganizationListArgs,
  ): Promise<OrganizationObject[]> {
    return (await this.organizations.list(caller.scope, list.filter ?? {}, list)).map(toOrganizationObject);
  }

  @Query(() => ListMetadata, { name: '_allOrganizationsMeta' })
  @RequirePermission(Permission.ORGANIZATION_READ)
  async allOrganizationsMeta(
    @CurrentCaller() caller: Caller,
    @Args() list: OrganizationListArgs,
  ): Promise<ListMetadata> {
    return { count: await this.organizations.count(caller.scope, list.filter ?? {}) };
  }

  @Query(() => OrganizationObject, { name: 'Organization', nullable: true })
  @RequirePermission(Permission.ORGANIZATION_READ)
  async organization(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string) {
    return toOrganizationObject(await this.organizations.get(caller.scope, id));
  }

  @Mutation(() => OrganizationObject, { description: 'Adds a body to the tree (administrators).' })
  @RequirePermission(Permission.ORGANIZATION_MANAGE)
  async createOrganization(
    @CurrentCaller() caller: Caller,
    @Args() args: CreateOrganizationArgs,
    @Actor() actor: AuditActor,
  ) {
    return toOrganizationObject(await this.organizations.create(caller.scope, args, actor));
  }

  @Mutation(() => OrganizationObject, { description: 'Renames a body, changes its aliases or retires it.' })
  @RequirePermission(Permission.ORGANIZATION_MANAGE)
  async updateOrganization(
    @CurrentCaller() caller: Caller,
    @Args() { id, ...changes }: UpdateOrganizationArgs,
    @Actor() actor: AuditActor,
  ) {
    return toOrganizationObject(await this.organizations.update(caller.scope, id, changes, actor));
  }

  @ResolveField(() => OrganizationObject, {
    nullable: true,
    description: 'The body above; null at a root or out of sight.',
  })
  async parent(@Parent() organization: OrganizationObject, @Context() context: RequestContext) {
    if (!organization.parentId) return null;
    const parent = await this.loaders.of(context.req).organization.load(organization.parentId);
    return parent ? toOrganizationObject(parent) : null;
  }
}
