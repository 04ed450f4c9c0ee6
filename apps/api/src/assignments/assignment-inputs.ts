import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { TEXT_LIMITS } from '@dondoc/platform';

import { BoundedText } from '../common/bounded-text.js';
import { IdList } from '../common/id-list.js';
import { CalendarDate } from '../common/calendar-date.scalar.js';
import {
  AssignmentRole,
  AssignmentStatus,
  ExtensionStatus,
  ReportStatus,
  ReviewDecision,
  Timeliness,
} from '../common/domain-enums.js';
import { ListArgs } from '../common/list.args.js';

@InputType('AssignmentFilter')
export class AssignmentFilter {
  @IdList({ nullable: true })
  ids?: string[];
  @BoundedText(TEXT_LIMITS.search, {
    nullable: true,
    description: 'Task text and organization names, without diacritics ("dan van" finds "dân vận").',
  })
  q?: string;
  @Field(() => [AssignmentStatus], { nullable: true })
  @IsOptional()
  @IsEnum(AssignmentStatus, { each: true })
  status?: AssignmentStatus[];
  @Field(() => [Timeliness], { nullable: true })
  @IsOptional()
  @IsEnum(Timeliness, { each: true })
  timeliness?: Timeliness[];
  @Field(() => ID, {
    nullable: true,
    description: 'This body (with the bodies it took over from in mergers and splits).',
  })
  @IsOptional()
  @IsString()
  organizationId?: string;
  @Field({ nullable: true, description: 'With organizationId: also the bodies under it.' })
  @IsOptional()
  @IsBoolean()
  includeDescendants?: boolean;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() taskId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() documentId?: string;
  @Field(() => ID, { nullable: true, description: 'The delegated parts of this assignment.' })
  @IsOptional()
  @IsString()
  parentAssignmentId?: string;
  @Field(() => AssignmentRole, { nullable: true })
  @IsOptional()
  @IsEnum(AssignmentRole)
  role?: AssignmentRole;
  @Field(() => CalendarDate, { nullable: true }) @IsOptional() dueFrom?: string;
  @Field(() => CalendarDate, { nullable: true }) @IsOptional() dueTo?: string;
}

@ArgsType()
export class AssignmentListArgs extends ListArgs {
  @Field(() => AssignmentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AssignmentFilter)
  filter?: AssignmentFilter;
}

@InputType('ProgressReportFilter')
export class ProgressReportFilter {
  @IdList({ nullable: true })
  ids?: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() assignmentId?: string;
  @Field(() => [ReportStatus], { nullable: true })
  @IsOptional()
  @IsEnum(ReportStatus, { each: true })
  status?: ReportStatus[];
  @BoundedText(TEXT_LIMITS.period, { nullable: true }) period?: string;
}

@ArgsType()
export class ProgressReportListArgs extends ListArgs {
  @Field(() => ProgressReportFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProgressReportFilter)
  filter?: ProgressReportFilter;
}

@InputType('ExtensionRequestFilter')
export class ExtensionRequestFilter {
  @IdList({ nullable: true })
  ids?: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() assignmentId?: string;
  @Field(() => [ExtensionStatus], { nullable: true })
  @IsOptional()
  @IsEnum(ExtensionStatus, { each: true })
  status?: ExtensionStatus[];
}

@ArgsType()
export class ExtensionRequestListArgs extends ListArgs {
  @Field(() => ExtensionRequestFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExtensionRequestFilter)
  filter?: ExtensionRequestFilter;
}

@InputType('SubmitProgressReportInput')
export class SubmitProgressReportInput {
  @Field(() => ID) @IsUUID() assignmentId: string;
  @BoundedText(TEXT_LIMITS.period, {
    description: "2026-Q4, 2026-H2, 2026-11 or 2026 (matching the assignment's cadence).",
  })
  period: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(100) percentComplete: number;
  @BoundedText(TEXT_LIMITS.longText, { nullable: true }) results?: string;
  @BoundedText(TEXT_LIMITS.longText, { nullable: true }) difficulties?: string;
  @BoundedText(TEXT_LIMITS.longText, { nullable: true }) proposals?: string;
  @Field(() => Int, { nullable: true, description: 'The assignment version you read.' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;
}

@ArgsType()
export class DelegateAssignmentArgs {
  @Field(() => ID) @IsString() assignmentId: string;
  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(30_000)
  @IsUUID('all', { each: true })
  organizationIds: string[];
  @Field(() => CalendarDate, { nullable: true, description: "None: the parent's due date." })
  @IsOptional()
  dueDate?: string | null;
}

@ArgsType()
export class RequestCompletionArgs {
  @Field(() => ID) @IsString() assignmentId: string;
  @BoundedText(TEXT_LIMITS.summary) summary: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() expectedVersion?: number;
}

@ArgsType()
export class DecideCompletionArgs {
  @Field(() => ID) @IsString() assignmentId: string;
  @Field() @IsBoolean() accept: boolean;
  @BoundedText(TEXT_LIMITS.summary, { nullable: true }) comment?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() expectedVersion?: number;
}

@ArgsType()
export class CancelAssignmentArgs {
  @Field(() => ID) @IsString() assignmentId: string;
  @BoundedText(TEXT_LIMITS.summary) reason: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() expectedVersion?: number;
}

@ArgsType()
export class RequestExtensionArgs {
  @Field(() => ID) @IsString() assignmentId: string;
  @Field(() => CalendarDate) @IsString() proposedDueDate: string;
  @BoundedText(TEXT_LIMITS.summary) reason: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() expectedVersion?: number;
}

@ArgsType()
export class DecideExtensionArgs {
  @Field(() => ID) @IsString() id: string;
  @Field() @IsBoolean() approve: boolean;
  @BoundedText(TEXT_LIMITS.summary, { nullable: true }) comment?: string;
}

@ArgsType()
export class ReviewProgressReportArgs {
  @Field(() => ID) @IsString() id: string;
  @Field(() => ReviewDecision) @IsEnum(ReviewDecision) decision: ReviewDecision;
  @BoundedText(TEXT_LIMITS.summary, { nullable: true }) comment?: string;
}
