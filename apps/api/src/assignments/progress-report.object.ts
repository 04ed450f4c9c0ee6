import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import type { ProgressReport } from '@dondoc/assignments';

import { ReportStatus } from '../common/domain-enums.js';

@ObjectType('ProgressReport', { description: 'What an assignee says for one reporting period.' })
export class ProgressReportObject {
  @Field(() => ID) id: string;
  @Field({ description: '2026-Q4, 2026-H2, 2026-11 or 2026.' }) period: string;
  @Field(() => Int) percentComplete: number;
  @Field() results: string;
  @Field() difficulties: string;
  @Field() proposals: string;
  @Field(() => ReportStatus) status: ReportStatus;
  @Field(() => String, { nullable: true }) reviewComment: string | null;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => Date, { nullable: true }) reviewedAt: Date | null;
  @Field(() => Int) version: number;
  assignmentId: string;
}

export function toProgressReportObject(report: ProgressReport): ProgressReportObject {
  return {
    id: report.id,
    period: report.period,
    percentComplete: report.percentComplete,
    results: report.results,
    difficulties: report.difficulties,
    proposals: report.proposals,
    status: report.status,
    reviewComment: report.reviewComment,
    submittedAt: report.submittedAt,
    reviewedAt: report.reviewedAt,
    version: report.version,
    assignmentId: report.assignmentId,
  };
}
