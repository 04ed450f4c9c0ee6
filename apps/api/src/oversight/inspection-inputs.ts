import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';

import { TEXT_LIMITS } from '@dondoc/platform';

import { BoundedText } from '../common/bounded-text.js';
import { IdList } from '../common/id-list.js';

import { CalendarDate } from '../common/calendar-date.scalar.js';
import { ListArgs } from '../common/list.args.js';
import { InspectionSeverity, InspectionStatus } from './inspection-enums.js';

@InputType('InspectionFilter')
export class InspectionFilter {
  @IdList({ nullable: true })
  ids?: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() assignmentId?: string;
  @Field(() => [InspectionStatus], { nullable: true })
  @IsOptional()
  @IsEnum(InspectionStatus, { each: true })
  status?: InspectionStatus[];
  @Field(() => [InspectionSeverity], { nullable: true })
  @IsOptional()
  @IsEnum(InspectionSeverity, { each: true })
  severity?: InspectionSeverity[];
  @Field(() => ID, { nullable: true, description: 'The assignee body.' })
  @IsOptional()
  @IsString()
  organizationId?: string;
  @Field({ nullable: true, description: 'With organizationId: also the bodies under it.' })
  @IsOptional()
  @IsBoolean()
  includeDescendants?: boolean;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() documentId?: string;
  @Field(() => CalendarDate, { nullable: true }) @IsOptional() followUpFrom?: string;
  @Field(() => CalendarDate, { nullable: true }) @IsOptional() followUpTo?: string;
}

@ArgsType()
export class InspectionListArgs extends ListArgs {
  @Field(() => InspectionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => InspectionFilter)
  filter?: InspectionFilter;
}

@InputType('RecordInspectionInput')
export class RecordInspectionInput {
  @Field(() => ID) @IsUUID() assignmentId: string;
  @BoundedText(TEXT_LIMITS.longText, { description: 'The conclusion (kết luận).' }) finding: string;
  @Field(() => InspectionSeverity) @IsEnum(InspectionSeverity) severity: InspectionSeverity;
  @BoundedText(TEXT_LIMITS.longText, { description: 'The remedy required.' }) remedy: string;
  @Field(() => CalendarDate, { description: 'When the remedy is checked; today or later.' })
  @IsString()
  followUpDate: string;
}

@InputType('InspectionBoardFilter')
export class InspectionBoardFilterInput {
  @Field(() => ID, { nullable: true, description: 'This body and everything under it.' })
  @IsOptional()
  @IsString()
  organizationId?: string;
  @Field(() => ID, { nullable: true, description: 'One document only.' })
  @IsOptional()
  @IsString()
  documentId?: string;
}

@ArgsType()
export class ResolveInspectionArgs {
  @Field(() => ID) @IsString() id: string;
  @BoundedText(TEXT_LIMITS.summary) note: string;
}
