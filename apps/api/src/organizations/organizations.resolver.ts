import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import type { AuditActor } from '@dondoc/audit';
import { type Caller, Permission } from '@dondoc/identity';

import { LineageService, OrganizationsService } from '@dondoc/organizations';

import { Actor } from '../auth/audit-actor.decorator.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import type { RequestContext } from '../auth/request-context.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { ListMetadata } from '../common/list-metadata.object.js';
import { LoadersFactory } from '../common/loaders.js';
import { MergeOrganizationsInput, SplitOrganizationInput } from './lineage.inputs.js';
import { OrganizationListArgs } from './organization-filter.input.js';
import { CreateOrganizationArgs, UpdateOrganizationArgs } from './organization-mutation.args.js';
import { OrganizationObject, toOrganizationObject } from './organization.object.js';

@Resolver(() => OrganizationObject)
export class OrganizationsResolver {
  /** Per-request batch loaders of the lineage fields (a list of 25 bodies: one query each). */

  constructor(
    private readonly organizations: OrganizationsService,
    private readonly lineage: LineageService,
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

  @Mutation(() => OrganizationObject, {
    description:
      'Merges bodies into a target on a date: the sources cease, their open assignments, people and ' +
      'children move to the target, their names become its aliases; finished work stays with them.',
  })
  @RequirePermission(Permission.ORGANIZATION_REORGANIZE)
  async mergeOrganizations(
    @CurrentCaller() caller: Caller,
    @Args('input') input: MergeOrganizationsInput,
    @Actor() actor: AuditActor,
  ) {
    return toOrganizationObject((await this.lineage.merge(caller.scope, input, actor)).target);
  }

  @Mutation(() => [OrganizationObject], {
    description:
      'Splits a body into successors on a date; the first successor continues it and takes its ' +
      'open assignments, people and children.',
  })
  @RequirePermission(Permission.ORGANIZATION_REORGANIZE)
  async splitOrganization(
    @CurrentCaller() caller: Caller,
    @Args('input') input: SplitOrganizationInput,
    @Actor() actor: AuditActor,
  ) {
    return (await this.lineage.split(caller.scope, input, actor)).successors.map(toOrganizationObject);
  }

  @ResolveField(() => [OrganizationObject], {
    description: 'The bodies this one was merged or split into (those in sight).',
  })
  async successors(@Parent() organization: OrganizationObject, @Context() context: RequestContext) {
    return (await this.loaders.of(context.req).successors.load(organization.id)).map(toOrganizationObject);
  }

  @ResolveField(() => [OrganizationObject], {
    description: 'The bodies merged or split into this one (those in sight).',
  })
  async predecessors(@Parent() organization: OrganizationObject, @Context() context: RequestContext) {
    return (await this.loaders.of(context.req).predecessors.load(organization.id)).map(toOrganizationObject);
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
