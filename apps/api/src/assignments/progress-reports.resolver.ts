import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { AssignmentQuery, ProgressReportsService } from '@dondoc/assignments';
import type { AuditActor } from '@dondoc/audit';
import { type Caller, Permission } from '@dondoc/identity';

import { Actor } from '../auth/audit-actor.decorator.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import type { RequestContext } from '../auth/request-context.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { actingOf } from '../common/acting.js';
import { ReviewDecision } from '../common/domain-enums.js';
import { ListMetadata } from '../common/list-metadata.object.js';
import { LoadersFactory } from '../common/loaders.js';
import {
  ProgressReportListArgs,
  ReviewProgressReportArgs,
  SubmitProgressReportInput,
} from './assignment-inputs.js';
import { AssignmentObject, toAssignmentObject } from './assignment.object.js';
import { ProgressReportObject, toProgressReportObject } from './progress-report.object.js';

@Resolver(() => ProgressReportObject)
export class ProgressReportsResolver {
  constructor(
    private readonly reports: ProgressReportsService,
    private readonly query: AssignmentQuery,
    private readonly loaders: LoadersFactory,
  ) {}

  @Query(() => [ProgressReportObject])
  @RequirePermission(Permission.ASSIGNMENT_READ)
  async allProgressReports(@CurrentCaller() caller: Caller, @Args() list: ProgressReportListArgs) {
    return (await this.reports.list(caller, list.filter ?? {}, list)).map(toProgressReportObject);
  }

  @Query(() => ListMetadata, { name: '_allProgressReportsMeta' })
  @RequirePermission(Permission.ASSIGNMENT_READ)
  async allProgressReportsMeta(
    @CurrentCaller() caller: Caller,
    @Args() list: ProgressReportListArgs,
  ): Promise<ListMetadata> {
    return { count: await this.reports.count(caller, list.filter ?? {}) };
  }

  @Query(() => ProgressReportObject, { name: 'ProgressReport', nullable: true })
  @RequirePermission(Permission.ASSIGNMENT_READ)
  async progressReport(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string) {
    return toProgressReportObject(await this.reports.get(caller, id));
  }

  @Mutation(() => ProgressReportObject, {
    description:
      "Reports one period's progress; resubmits a returned report. The assignment takes the percent.",
  })
  @RequirePermission(Permission.REPORT_SUBMIT)
  async submitProgressReport(
    @CurrentCaller() caller: Caller,
    @Args('input') input: SubmitProgressReportInput,
    @Actor() actor: AuditActor,
  ) {
    return toProgressReportObject(await this.reports.submit(actingOf(caller, actor), input));
  }

  @Mutation(() => ProgressReportObject, {
    description: 'The assigner accepts a report, or returns it with a comment.',
  })
  @RequirePermission(Permission.REPORT_REVIEW)
  async reviewProgressReport(
    @CurrentCaller() caller: Caller,
    @Args() { id, decision, comment }: ReviewProgressReportArgs,
    @Actor() actor: AuditActor,
  ) {
    const saved = await this.reports.review(
      actingOf(caller, actor),
      id,
      decision === ReviewDecision.ACCEPT,
      comment,
    );
    return toProgressReportObject(saved);
  }

  @ResolveField(() => AssignmentObject, { nullable: true })
  async assignment(@Parent() report: ProgressReportObject, @Context() context: RequestContext) {
    const assignment = await this.loaders.of(context.req).assignment.load(report.assignmentId);
    return assignment ? toAssignmentObject(assignment, this.query.today()) : null;
  }
}
