import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsBoolean,
  IsInt,
  Max,
  Min,
  IsOptional,
  IsString,
  IsUUID,
  ValidateNested,
} from 'class-validator';

import { TEXT_LIMITS } from '@dondoc/platform';

import { BoundedText } from '../common/bounded-text.js';
import { IdList } from '../common/id-list.js';
import { CalendarDate } from '../common/calendar-date.scalar.js';
import { AssignmentRole, Cadence, DocumentStatus, TaskKind } from '../common/domain-enums.js';
import { ListArgs } from '../common/list.args.js';

@InputType('DocumentFilter')
export class DocumentFilter {
  @IdList({ nullable: true })
  ids?: string[];
  @BoundedText(TEXT_LIMITS.search, {
    nullable: true,
    description: 'Number, title or issuer, without diacritics.',
  })
  q?: string;
  @Field(() => DocumentStatus, { nullable: true })
  @IsOptional()
  @IsEnum(DocumentStatus)
  status?: DocumentStatus;
}

@ArgsType()
export class DocumentListArgs extends ListArgs {
  @Field(() => DocumentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentFilter)
  filter?: DocumentFilter;
}

@InputType('TaskFilter')
export class TaskFilter {
  @IdList({ nullable: true })
  ids?: string[];
  @BoundedText(TEXT_LIMITS.search, { nullable: true, description: 'Task text, without diacritics.' })
  q?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() documentId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() parentId?: string;
}

@ArgsType()
export class TaskListArgs extends ListArgs {
  @Field(() => TaskFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TaskFilter)
  filter?: TaskFilter;
}

@ArgsType()
export class CreateTaskArgs {
  @Field(() => ID) @IsUUID() documentId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() parentId?: string | null;
  @BoundedText(TEXT_LIMITS.taskNumber, { required: true }) number: string;
  @BoundedText(TEXT_LIMITS.longText, { required: true }) text: string;
  @Field(() => TaskKind, { nullable: true }) @IsOptional() @IsEnum(TaskKind) kind?: TaskKind;
  @Field(() => Cadence, { nullable: true }) @IsOptional() @IsEnum(Cadence) cadence?: Cadence;
  @Field(() => CalendarDate, { nullable: true }) @IsOptional() dueDate?: string | null;
}

@ArgsType()
export class UpdateTaskArgs {
  @Field(() => ID) @IsString() id: string;
  @BoundedText(TEXT_LIMITS.taskNumber, { nullable: true, required: true }) number?: string;
  @BoundedText(TEXT_LIMITS.longText, { nullable: true, required: true }) text?: string;
  @Field(() => TaskKind, { nullable: true }) @IsOptional() @IsEnum(TaskKind) kind?: TaskKind;
  @Field(() => Cadence, { nullable: true }) @IsOptional() @IsEnum(Cadence) cadence?: Cadence;
  @Field(() => CalendarDate, { nullable: true }) @IsOptional() dueDate?: string | null;
}

@InputType('AssigneeInput', { description: 'One body a draft task will go to.' })
export class AssigneeInput {
  @Field(() => ID) @IsUUID() organizationId: string;
  @Field(() => AssignmentRole) @IsEnum(AssignmentRole) role: AssignmentRole;
  @Field(() => CalendarDate, { nullable: true, description: "None: the task's own due date." })
  @IsOptional()
  dueDate?: string | null;
  @Field(() => Cadence, { nullable: true, description: "None: the task's cadence." })
  @IsOptional()
  @IsEnum(Cadence)
  cadence?: Cadence | null;
}

@ArgsType()
export class SetTaskAssigneesArgs {
  @Field(() => ID) @IsString() taskId: string;
  @Field(() => [AssigneeInput])
  @IsArray()
  @ArrayMaxSize(30_000)
  @ValidateNested({ each: true })
  @Type(() => AssigneeInput)
  assignees: AssigneeInput[];
}

@InputType('AssignTaskInput', { description: 'Gives a published task to more bodies, one assignment each.' })
export class AssignTaskInput {
  @Field(() => ID) @IsUUID() taskId: string;
  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(30_000)
  @IsUUID('all', { each: true })
  organizationIds: string[];
  @Field(() => AssignmentRole) @IsEnum(AssignmentRole) role: AssignmentRole;
  @Field(() => CalendarDate, { nullable: true }) @IsOptional() dueDate?: string | null;
  @Field(() => Cadence, { nullable: true }) @IsOptional() @IsEnum(Cadence) cadence?: Cadence | null;
}

@ArgsType()
export class SetDocumentConfidentialArgs {
  @Field(() => ID) @IsString() id: string;
  @Field({ description: 'true: confidential (văn bản mật); false: lift the mark.' })
  @IsBoolean()
  confidential: boolean;
}

@ArgsType()
export class UpdateDocumentArgs {
  @Field(() => ID) @IsString() id: string;
  @BoundedText(TEXT_LIMITS.documentTitle, { nullable: true }) title?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: "Day of a period's last month on which its figures are cut off (1–28; 14 by default).",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(28)
  reportCutoffDay?: number;
  @Field(() => Int, {
    nullable: true,
    description: "Day of a period's last month on which its report is due (1–28; 20 by default).",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(28)
  reportDueDay?: number;
}
