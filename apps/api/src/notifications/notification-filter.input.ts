import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, ValidateNested } from 'class-validator';

import { NotificationKind } from '@dondoc/notifications';
import { MAX_IDS_PER_LIST } from '@dondoc/platform';

import { IDS_DESCRIPTION } from '../common/bounded-text.js';
import { ListArgs } from '../common/list.args.js';

@InputType({ description: "Filters of allNotifications (always the caller's own)." })
export class NotificationFilter {
  @Field(() => [ID], { nullable: true, description: IDS_DESCRIPTION })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(MAX_IDS_PER_LIST)
  ids?: string[];

  @Field({ nullable: true, description: 'true: only unread; false: only read.' })
  @IsOptional()
  @IsBoolean()
  unread?: boolean;

  @Field(() => NotificationKind, { nullable: true })
  @IsOptional()
  @IsEnum(NotificationKind)
  kind?: NotificationKind;
}

@ArgsType()
export class NotificationListArgs extends ListArgs {
  @Field(() => NotificationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => NotificationFilter)
  filter?: NotificationFilter;
}

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], { description: IDS_DESCRIPTION })
  @IsString({ each: true })
  @ArrayMaxSize(MAX_IDS_PER_LIST)
  ids: string[];
}
