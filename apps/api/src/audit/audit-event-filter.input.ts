import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

import { TEXT_LIMITS, textTooLongMessage } from '@dondoc/platform';

import { BoundedText } from '../common/bounded-text.js';
import { ListArgs } from '../common/list.args.js';

@InputType({ description: "Filters of allAuditEvents: one record's history, or one person's actions." })
export class AuditEventFilter {
  @BoundedText(TEXT_LIMITS.auditEntityType, { nullable: true })
  entityType?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The record's id (a UUID, or a number for records keyed by sequence). At most 100 characters.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.auditEntityId, {
    message: textTooLongMessage('entityId', TEXT_LIMITS.auditEntityId).en,
    context: textTooLongMessage('entityId', TEXT_LIMITS.auditEntityId),
  })
  entityId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  actorId?: string;
}

@ArgsType()
export class AuditEventListArgs extends ListArgs {
  @Field(() => AuditEventFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEventFilter)
  filter?: AuditEventFilter;
}
