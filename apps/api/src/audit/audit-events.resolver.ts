import { Args, ID, Query, Resolver } from '@nestjs/graphql';

import { AUDIT_SCOPE_ALL, AuditEventsService, type AuditScope } from '@dondoc/audit';
import { ConfidentialAuditReadout } from '@dondoc/directives';
import { type Caller, Permission } from '@dondoc/identity';
import { OrganizationsService } from '@dondoc/organizations';
import { notFound } from '@dondoc/platform';

import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { ListMetadata } from '../common/list-metadata.object.js';
import { AuditEventListArgs } from './audit-event-filter.input.js';
import { AuditEventObject, toAuditEventObject } from './audit-event.object.js';

@Resolver(() => AuditEventObject)
export class AuditEventsResolver {
  constructor(
    private readonly events: AuditEventsService,
    private readonly organizations: OrganizationsService,
    private readonly confidential: ConfidentialAuditReadout,
  ) {}

  @Query(() => [AuditEventObject], {
    description:
      "The audit trail, newest first: events about records of the bodies in the caller's scope, whoever acted, and the caller's own actions (everything for an administrator).",
  })
  @RequirePermission(Permission.AUDIT_READ)
  async allAuditEvents(
    @CurrentCaller() caller: Caller,
    @Args() list: AuditEventListArgs,
  ): Promise<AuditEventObject[]> {
    const { filter, ...paging } = list;
    const events = await this.events.list({
      ...paging,
      filter: filter ?? {},
      scope: await this.scopeOf(caller),
    });
    // A confidential directive's words in old events are hidden as in every other read.
    return (await this.confidential.shown(caller, events)).map(toAuditEventObject);
  }

  @Query(() => ListMetadata, { name: '_allAuditEventsMeta' })
  @RequirePermission(Permission.AUDIT_READ)
  async allAuditEventsMeta(
    @CurrentCaller() caller: Caller,
    @Args() list: AuditEventListArgs,
  ): Promise<ListMetadata> {
    return {
      count: await this.events.count({ filter: list.filter ?? {}, scope: await this.scopeOf(caller) }),
    };
  }

  @Query(() => AuditEventObject, { name: 'AuditEvent', nullable: true })
  @RequirePermission(Permission.AUDIT_READ)
  async auditEvent(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string) {
    const [event] = await this.events.list({
      scope: await this.scopeOf(caller),
      filter: { ids: [id] },
      perPage: 1,
    });
    if (!event) throw notFound({ en: 'Audit event', vi: 'sự kiện nhật ký' }, id);
    const [shown] = await this.confidential.shown(caller, [event]);
    return toAuditEventObject(shown!);
  }

  /**
   * Events about records of the bodies the caller may see, whoever acted, plus the caller's
   * own actions (all of them for an administrator). Events recorded before subjects were
   * kept are shown, as before, by their actor's body.
   */
  private async scopeOf(caller: Caller): Promise<AuditScope> {
    if (caller.scope.kind === 'all') return AUDIT_SCOPE_ALL;
    return {
      kind: 'subjects',
      subjectPaths: caller.scope.paths,
      actorId: caller.userId,
      actorOrganizationIds: await this.organizations.idsInScope(caller.scope),
    };
  }
}
