import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  ValidateNested,
} from 'class-validator';

import { TEXT_LIMITS } from '@dondoc/platform';

import { BoundedText } from '../common/bounded-text.js';
import { CalendarDate } from '../common/calendar-date.scalar.js';
import { OrganizationKind } from './organization-enums.js';

@InputType('MergeOrganizationsInput')
export class MergeOrganizationsInput {
  @Field(() => [ID], { description: 'The bodies that cease: their open work moves to the target.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  sourceIds: string[];

  @Field(() => ID, { description: 'The body that carries on.' })
  @IsUUID()
  targetId: string;

  @Field(() => CalendarDate, { description: 'The day the merger took effect (not in the future).' })
  @IsString()
  effectiveDate: string;

  @BoundedText(TEXT_LIMITS.mergerNote, {
    nullable: true,
    description: 'The decision behind it, e.g. a resolution number.',
  })
  note?: string | null;
}

@InputType('SuccessorInput')
export class SuccessorInput {
  @BoundedText(TEXT_LIMITS.organizationName, { required: true })
  name: string;

  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  @Field(() => ID, { nullable: true, description: "Where the successor sits; the source's parent if none." })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

@InputType('SplitOrganizationInput')
export class SplitOrganizationInput {
  @Field(() => ID)
  @IsUUID()
  sourceId: string;

  @Field(() => [SuccessorInput], {
    description: 'The bodies created; the first one continues the source and takes its open work.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SuccessorInput)
  successors: SuccessorInput[];

  @Field(() => CalendarDate, { description: 'The day the split took effect (not in the future).' })
  @IsString()
  effectiveDate: string;
}
