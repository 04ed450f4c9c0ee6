import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import type { AuditActor } from '@dondoc/audit';
import { ExportsService } from '@dondoc/exports';
import { type Caller, Permission } from '@dondoc/identity';

import { Actor } from '../auth/audit-actor.decorator.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { ExportObject, ExportReportInput, toExportObject } from './export.object.js';

@Resolver(() => ExportObject)
export class ExportsResolver {
  constructor(private readonly exports: ExportsService) {}

  @Mutation(() => ExportObject, {
    description: 'Asks the worker for the report (.docx), the tracking table (.xlsx) or CSV, in your scope.',
  })
  @RequirePermission(Permission.EXPORT_CREATE)
  async exportReport(
    @CurrentCaller() caller: Caller,
    @Actor() actor: AuditActor,
    @Args('input', { type: () => ExportReportInput }) input: ExportReportInput,
  ): Promise<ExportObject> {
    const saved = await this.exports.request(
      { userId: caller.userId, organizationId: caller.organizationId, scope: caller.scope, audit: actor },
      {
        documentId: input.documentId ?? null,
        organizationId: input.organizationId ?? null,
        format: input.format,
      },
    );
    return toExportObject(saved);
  }

  @Query(() => ExportObject, { nullable: true, description: 'One of your own exports.' })
  @RequirePermission(Permission.EXPORT_CREATE)
  async Export(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ExportObject> {
    return toExportObject(await this.exports.get(caller.userId, id));
  }
}
